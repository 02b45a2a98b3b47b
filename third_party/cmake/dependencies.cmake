# Find logic for the Debian packages Yizhan uses (list: third_party/debian-packages.txt).
# Each dependency is confined to the engine folders that need it; see README "Dependencies".
find_package(PkgConfig REQUIRED)
find_package(GDAL CONFIG REQUIRED)            # GDAL::GDAL  (OSM driver, vector/raster I/O, PROJ)
find_package(GEOS 3.11 CONFIG REQUIRED)       # GEOS::geos_c (walk-area polygons)
find_package(Boost 1.74 REQUIRED)             # Boost::headers (Boost.Geometry R-trees)
find_package(TBB CONFIG REQUIRED)             # TBB::tbb (parallel searches)
find_package(nlohmann_json 3 CONFIG REQUIRED) # JSON for profiles, --json output, sessions
find_package(fmt CONFIG REQUIRED)             # formatting
find_package(CLI11 CONFIG REQUIRED)           # command-line parsing
pkg_check_modules(CBC REQUIRED IMPORTED_TARGET cbc)      # exact siting (branch-and-cut)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo)  # PNG maps and PDF reports
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo)  # text layout on field-check sheets
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)   # QR codes on field-check sheets
find_package(BZip2 REQUIRED)                 # .osm.bz2 maps
find_package(ZLIB REQUIRED)                  # .osm.gz maps
find_package(EXPAT REQUIRED)                 # OSM XML (libosmium's XML reader)
find_package(Threads REQUIRED)
# libosmium + protozero (header-only): reading .osm.pbf/.osm/.osm.bz2/.osm.gz maps, and the
# synthetic-city generator's PBF writer. One interface target for both.
find_path(OSMIUM_INCLUDE_DIR osmium/osm.hpp REQUIRED)
find_path(PROTOZERO_INCLUDE_DIR protozero/pbf_reader.hpp REQUIRED)
add_library(yizhan_osmium INTERFACE)
target_include_directories(yizhan_osmium SYSTEM INTERFACE ${OSMIUM_INCLUDE_DIR} ${PROTOZERO_INCLUDE_DIR})
target_link_libraries(yizhan_osmium INTERFACE ZLIB::ZLIB BZip2::BZip2 EXPAT::EXPAT Threads::Threads)
find_package(Catch2 2 CONFIG REQUIRED)        # tests
if(YIZHAN_BUILD_APP)
  find_package(glfw3 3.3 CONFIG REQUIRED)
  find_package(OpenGL REQUIRED)
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
endif()
