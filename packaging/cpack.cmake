# `cpack -G DEB` in a build folder (after building everything): yizhan_<version>_<arch>.deb (the
# program) and yizhan-dev_<version>_<arch>.deb (engine library, headers, CMake config).
set(CPACK_PACKAGE_NAME yizhan)
set(CPACK_PACKAGE_VENDOR "The Yizhan contributors")
set(CPACK_PACKAGE_CONTACT "The Yizhan contributors <yizhan@invalid>")
# Debian descriptions: a summary line, then the long text (one per package; CPACK_PACKAGE_
# DESCRIPTION_SUMMARY and project(DESCRIPTION) are left unset, else CPack puts it above each).
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
    "plan outdoor-worker service stations to the double-15 standard
Yizhan (驿站) helps city planners lay out outdoor-worker service stations: it
checks a plan against the 'double 15' standard (1 km radius, 15-minute walk) on
the real pedestrian network of an OpenStreetMap extract or a road layer, and
suggests where new stations should go. Command line (yizhan) and desktop
planner (yizhan gui), in English and Chinese.")
set(CPACK_DEBIAN_DEV_DESCRIPTION
    "Yizhan engine: static library, headers and CMake package
The engine of Yizhan (walk graph, coverage, siting, export, sessions) for
programs of your own: find_package(Yizhan) gives the target Yizhan::engine.
")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME yizhan)
set(CPACK_DEBIAN_DEV_PACKAGE_NAME yizhan-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# Shared-library dependencies from what the program links (dpkg-shlibdeps); fonts and the OpenGL
# driver by hand. update-mime-database, desktop and icon caches run from Debian's dpkg triggers.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "fonts-noto-cjk | fonts-wqy-microhei")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "libgl1-mesa-dri")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SUGGESTS "xvfb, xauth, qgis")
# The engine is a static library: a program built on it needs the -dev packages it links.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "yizhan (= ${PROJECT_VERSION}), cmake, pkg-config, libgdal-dev, libgeos-dev, libboost-dev, libtbb-dev, coinor-libcbc-dev, nlohmann-json3-dev, libfmt-dev, libcairo2-dev, libbz2-dev, zlib1g-dev")
include(CPack)
