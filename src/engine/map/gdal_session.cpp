#include "engine/map/gdal_session.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

#include <cstdlib>
#include <mutex>

namespace yz {

void ensure_gdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // Quiet, predictable GDAL: no auxiliary .aux.xml files next to user data.
    CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
    // The engine never prints: outside a GdalErrorCapture, GDAL, PROJ and SQLite messages would go
    // raw to stderr ("ERROR 1: ...") before Yizhan's own. Failures reach the user as Yizhan's
    // errors (the captures around each call); YIZHAN_GDAL_MESSAGES=1 shows the raw lines.
    if (!std::getenv("YIZHAN_GDAL_MESSAGES")) CPLSetErrorHandler(CPLQuietErrorHandler);
  });
}

namespace {
void CPL_STDCALL handler(CPLErr cls, CPLErrorNum, const char* msg) {
  auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
  if (!self || !msg) return;
  if (cls == CE_Debug) self->push_debug(msg);
  else if (cls >= CE_Failure) self->push_error(msg);
}
}  // namespace

GdalErrorCapture::GdalErrorCapture(bool capture_debug) : capture_debug_(capture_debug) {
  ensure_gdal();
  CPLPushErrorHandlerEx(handler, this);
  if (capture_debug_) CPLSetThreadLocalConfigOption("CPL_DEBUG", "ON");
}

GdalErrorCapture::~GdalErrorCapture() {
  if (capture_debug_) CPLSetThreadLocalConfigOption("CPL_DEBUG", nullptr);
  CPLPopErrorHandler();
}

bool GdalErrorCapture::has(const std::string& needle) const {
  for (const auto& e : errors_)
    if (e.find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace yz
