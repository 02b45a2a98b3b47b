#include "app/map_style.hpp"

namespace yz::app {

RoadStyle road_style(RoadClass c) {
  switch (c) {
    case RoadClass::motorway:
    case RoadClass::trunk:
      return {{232, 146, 162}, 5};
    case RoadClass::primary:
      return {{252, 214, 164}, 4.5f};
    case RoadClass::secondary:
      return {{246, 250, 190}, 4};
    case RoadClass::tertiary:
      return {{255, 255, 255}, 3.5f};
    case RoadClass::residential:
    case RoadClass::unclassified:
    case RoadClass::living_street:
      return {{255, 255, 255}, 2.5f};
    case RoadClass::service:
      return {{255, 255, 255}, 1.8f};
    case RoadClass::footway:
    case RoadClass::pedestrian:
    case RoadClass::path:
    case RoadClass::steps:
    case RoadClass::cycleway:
    case RoadClass::track:
      return {{226, 120, 100}, 1.2f};
    default:
      return {{255, 255, 255}, 1.5f};
  }
}

}  // namespace yz::app
