#pragma once
// Choosing the layer to read from a GDAL dataset: the one the user named, else the first whose
// geometry fits what the reader wants. Shared by the point, candidate and exclusion readers.
#include <string>

#include "engine/geo/vec2.hpp"

class GDALDataset;
class OGRLayer;
class OGRGeometry;

namespace yz {

enum class LayerShape { points, lines, polygons };

// The layer named `name` (error if absent), else the first layer of `want` geometry, else the first
// layer of mixed geometry, else (points only: areas stand for points) the first layer at all.
// Throws InputError naming `path` when nothing fits.
OGRLayer* pick_layer(GDALDataset& ds, const std::string& path, const std::string& name,
                     LayerShape want);

// A point inside a (multi)polygon, via GEOS. GDAL 3.6's OGRPolygon/OGRMultiPolygon
// PointOnSurface methods fail on valid polygons; the C API works. False on failure.
bool point_on_surface(const OGRGeometry& g, Vec2& out);

}  // namespace yz
