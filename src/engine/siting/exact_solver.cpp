#include "engine/siting/exact_solver.hpp"

#include <coin/CbcEventHandler.hpp>
#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/ClpEventHandler.hpp>
#include <coin/ClpSimplex.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include <chrono>
#include <cmath>
#include <limits>
#include <string>

namespace yz::siting {

namespace {

using Clock = std::chrono::steady_clock;

CoinPackedMatrix to_matrix(const MilpModel& m) {
  std::vector<int> ind(m.row_col.begin(), m.row_col.end());
  std::vector<CoinBigIndex> start(m.row_first.begin(), m.row_first.end());
  std::vector<int> len(m.rows());
  for (uint32_t r = 0; r < m.rows(); ++r)
    len[r] = static_cast<int>(m.row_first[r + 1] - m.row_first[r]);
  return CoinPackedMatrix(false, static_cast<int>(m.cols()), static_cast<int>(m.rows()),
                          static_cast<CoinBigIndex>(m.nonzeros()), m.row_val.data(), ind.data(),
                          start.data(), len.data());
}

// Shared by the LP and branch-and-cut handlers (their clones keep the pointer).
struct StopState {
  const Progress* progress;
  Clock::time_point t0, deadline;
  double time_limit_s = 0;
  double max_iterations = -1;  // < 0: unlimited
  double iterations = 0;       // simplex iterations so far, all LPs of the run together
  bool lp_stopped = false;     // an LP was cut short: its results prove nothing
  bool by_time = false;        // stopped by the clock or a cancel
  bool by_work = false;        // stopped by the iteration budget
  double last_report = 0;
  bool over_budget() const { return max_iterations >= 0 && iterations >= max_iterations; }
};

// Stops CBC on cancel, at the deadline and once the iteration budget is spent; reports elapsed
// time against the limit as progress.
class StopHandler : public CbcEventHandler {
 public:
  explicit StopHandler(StopState* s) : state_(s) {}
  CbcAction event(CbcEvent) override {
    if (state_->progress->cancelled()) {
      state_->by_time = true;
      return stop;
    }
    if (state_->over_budget()) {
      state_->by_work = true;
      return stop;
    }
    const double e = std::chrono::duration<double>(Clock::now() - state_->t0).count();
    if (Clock::now() > state_->deadline) {
      state_->by_time = true;
      return stop;
    }
    if (e - state_->last_report > 0.2) {
      state_->last_report = e;
      (*state_->progress)(std::min(1.0, e / std::max(state_->time_limit_s, 1e-9)), "exact");
    }
    return noAction;
  }
  CbcEventHandler* clone() const override { return new StopHandler(*this); }

 private:
  StopState* state_;
};

int no_callback(CbcModel*, int) {
  return 0;
}

// CBC checks its limits only between nodes; a city-sized root LP can run for minutes, so the
// simplex itself is stopped at the deadline, on cancel, or when the iteration budget is spent
// (counted per iteration, so that stop is repeatable).
class LpStop : public ClpEventHandler {
 public:
  explicit LpStop(StopState* s) : state_(s) {}
  int event(Event e) override {
    if (e != endOfIteration) return -1;
    state_->iterations += 1;
    if (state_->over_budget()) {
      state_->by_work = state_->lp_stopped = true;
      return 0;
    }
    if ((++count_ & 63) != 0) return -1;
    if (state_->progress->cancelled() || Clock::now() > state_->deadline) {
      state_->lp_stopped = state_->by_time = true;
      return 0;
    }
    return -1;
  }
  ClpEventHandler* clone() const override { return new LpStop(*this); }

 private:
  StopState* state_;
  uint32_t count_ = 0;
};

// The model writes "infinite" as 1e30; CLP wants COIN_DBL_MAX (its presolve has crashed on
// huge-but-finite bounds).
std::vector<double> inf_fixed(const std::vector<double>& v) {
  std::vector<double> out(v);
  for (double& x : out)
    if (x >= 1e29)
      x = COIN_DBL_MAX;
    else if (x <= -1e29)
      x = -COIN_DBL_MAX;
  return out;
}

// "<j>x" / "<i>r" rather than "x<j>": avoids a GCC 12 -Wrestrict false positive.
std::string name(uint32_t j, char tag) {
  std::string s = std::to_string(j);
  s.push_back(tag);
  return s;
}

}  // namespace

MilpSolve solve_milp(const MilpModel& m, const std::vector<double>* start, double time_limit_s,
                     const Progress& progress) {
  MilpLimits limits;
  limits.time_limit_s = time_limit_s;
  return solve_milp(m, start, limits, progress);
}

MilpSolve solve_milp(const MilpModel& m, const std::vector<double>* start, const MilpLimits& limits,
                     const Progress& progress) {
  const auto t0 = Clock::now();
  const double time_limit_s = limits.time_limit_s;
  MilpSolve out;
  StopState stop{&progress, t0,
                 t0 + std::chrono::duration_cast<Clock::duration>(
                          std::chrono::duration<double>(time_limit_s))};
  stop.time_limit_s = time_limit_s;
  stop.max_iterations = limits.max_iterations;
  LpStop lp_stop(&stop);
  OsiClpSolverInterface solver;
  solver.getModelPtr()->passInEventHandler(&lp_stop);
  solver.messageHandler()->setLogLevel(0);
  solver.getModelPtr()->setLogLevel(0);
  CoinPackedMatrix mat = to_matrix(m);
  const auto cl = inf_fixed(m.col_lb), cu = inf_fixed(m.col_ub), rl = inf_fixed(m.row_lb),
             ru = inf_fixed(m.row_ub);
  solver.loadProblem(mat, cl.data(), cu.data(), m.obj.data(), rl.data(), ru.data());
  for (uint32_t c = 0; c < m.cols(); ++c)
    if (m.integer[c]) solver.setInteger(static_cast<int>(c));
  // The MIP start is matched by column name. Every column gets one: CLP's presolve crashes on a
  // partly named model.
  if (start) {
    for (uint32_t j = 0; j < m.cols(); ++j) solver.setColName(static_cast<int>(j), name(j, 'x'));
    for (uint32_t i = 0; i < m.rows(); ++i) solver.setRowName(static_cast<int>(i), name(i, 'r'));
  }

  CbcModel model(solver);
  model.setLogLevel(0);
  model.messageHandler()->setLogLevel(0);
  std::vector<std::string> names;
  std::vector<const char*> name_ptr;
  std::vector<double> values;
  if (start) {
    for (uint32_t j = 0; j < m.x_cols; ++j) {
      names.push_back(name(j, 'x'));
      values.push_back((*start)[j] > 0.5 ? 1.0 : 0.0);
    }
    for (const std::string& s : names) name_ptr.push_back(s.c_str());
    model.setMIPStart(static_cast<int>(names.size()), name_ptr.data(), values.data());
  }
  StopHandler handler(&stop);
  model.passInEventHandler(&handler);
  CbcSolverUsefulData data;
  data.noPrinting_ = true;
  CbcMain0(model, data);
  data.noPrinting_ = true;
  // One thread (CBC's default, said explicitly) and no randomised restarts: with the node and
  // iteration limits the run is repeatable. CBC's own clock limit only backs up the handlers.
  const std::string sec = std::to_string(std::max(0.01, time_limit_s));
  const std::string nodes = std::to_string(
      limits.max_nodes >= 0 ? static_cast<long long>(limits.max_nodes) : 2147483647LL);
  const char* argv[] = {"yizhan",      "-log",        "0",    "-slog",     "0",
                        "-threads",    "0",           "-sec", sec.c_str(), "-maxNodes",
                        nodes.c_str(), "-preprocess", "off",  "-solve",    "-quit"};
  model.setLogLevel(0);
  CbcMain1(static_cast<int>(sizeof(argv) / sizeof(argv[0])), argv, model, no_callback, data);

  out.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  out.nodes = model.getNodeCount();
  out.iterations = stop.iterations;
  // After a cut-short LP, CBC's statuses and bound mean nothing: keep only a solution it holds.
  const bool trust = !stop.lp_stopped && !progress.cancelled();
  out.optimal = trust && model.isProvenOptimal();
  out.infeasible = trust && model.isProvenInfeasible();
  out.stopped = !out.optimal && !out.infeasible;
  out.by_time = stop.by_time || model.isSecondsLimitReached() || model.maximumSecondsReached() ||
                progress.cancelled();
  out.by_work = !out.by_time && (stop.by_work || model.isNodeLimitReached());
  if (out.optimal || out.infeasible) out.by_time = out.by_work = false;
  const double sign = m.negated ? -1.0 : 1.0;
  if (model.bestSolution() && model.getSolutionCount() > 0) {
    out.has_solution = true;
    out.col.assign(model.bestSolution(), model.bestSolution() + m.cols());
    out.objective = milp_value(m, out.col);
  }
  out.bound = trust ? sign * model.getBestPossibleObjValue() : sign * -COIN_DBL_MAX;
  if (!std::isfinite(out.bound) || std::abs(out.bound) >= 1e29)
    out.bound = m.negated ? std::numeric_limits<double>::infinity()
                          : -std::numeric_limits<double>::infinity();
  if (out.has_solution) {
    if (out.optimal)
      out.bound = out.objective;
    else
      out.bound =
          m.negated ? std::max(out.bound, out.objective) : std::min(out.bound, out.objective);
  }
  return out;
}

MilpSolve solve_lp(const MilpModel& m, double time_limit_s, const Progress& progress,
                   double max_iterations) {
  const auto t0 = Clock::now();
  MilpSolve out;
  StopState stop{&progress, t0,
                 t0 + std::chrono::duration_cast<Clock::duration>(
                          std::chrono::duration<double>(time_limit_s))};
  stop.time_limit_s = time_limit_s;
  stop.max_iterations = max_iterations;
  LpStop lp_stop(&stop);
  ClpSimplex clp;
  clp.passInEventHandler(&lp_stop);
  clp.setLogLevel(0);
  clp.messageHandler()->setLogLevel(0);
  CoinPackedMatrix mat = to_matrix(m);
  const auto cl = inf_fixed(m.col_lb), cu = inf_fixed(m.col_ub), rl = inf_fixed(m.row_lb),
             ru = inf_fixed(m.row_ub);
  clp.loadProblem(mat, cl.data(), cu.data(), m.obj.data(), rl.data(), ru.data());
  clp.setMaximumSeconds(std::max(0.01, time_limit_s));
  clp.dual();
  out.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  out.iterations = stop.iterations;
  out.by_time = stop.by_time;
  out.by_work = stop.by_work;
  if (clp.status() == 0 && !stop.lp_stopped) {
    out.has_solution = out.optimal = true;
    out.objective = out.bound = m.negated ? -clp.objectiveValue() : clp.objectiveValue();
    out.col.assign(clp.primalColumnSolution(), clp.primalColumnSolution() + m.cols());
  } else if (clp.status() == 1 && !stop.lp_stopped) {
    out.infeasible = true;
  } else {
    out.stopped = true;
  }
  return out;
}

}  // namespace yz::siting
