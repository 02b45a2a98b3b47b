#pragma once
// Workers the open sites can serve when each serves at most its capacity: a maximum flow from
// demand points to the open sites covering them (a worker group may be split between stations).
#include <cstdint>
#include <vector>

#include "engine/siting/presolve.hpp"
#include "engine/siting/siting_problem.hpp"

namespace yz::siting {

// open: original site ids. served (optional): per entry of `open`, the workers assigned to it.
double capacitated_cover(const Problem& p, const std::vector<uint32_t>& open,
                         std::vector<double>* served = nullptr);

// The same on the presolved problem (groups merge demand points with the same covering sites,
// which leaves the maximum flow unchanged), with the assignment itself: what the capacitated
// local search needs to estimate swaps.
struct ReducedFlow {
  double value = 0;
  std::vector<double> served;                      // per reduced site (0 when closed)
  std::vector<double> residual;                    // per group: workers left unserved
  std::vector<uint32_t> first;                     // per group, CSR into alloc
  std::vector<std::pair<uint32_t, double>> alloc;  // (site, workers) served, by group
};
ReducedFlow reduced_flow(const Reduced& r, const std::vector<uint8_t>& open);

}  // namespace yz::siting
