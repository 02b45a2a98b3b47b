#pragma once
// Workers the open sites can serve when each serves at most its capacity: a maximum flow from
// demand points to the open sites covering them (a worker group may be split between stations).
#include <cstdint>
#include <vector>

#include "engine/siting/siting_problem.hpp"

namespace yz::siting {

// open: original site ids. served (optional): per entry of `open`, the workers assigned to it.
double capacitated_cover(const Problem& p, const std::vector<uint32_t>& open,
                         std::vector<double>* served = nullptr);

}  // namespace yz::siting
