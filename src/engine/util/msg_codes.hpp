#pragma once
// The message codes, one per entry of messages.def (texts: message.cpp).
#include "engine/util/message.hpp"

namespace yz {

enum class Msg : uint16_t {
#define X(code, en, zh) code,
#include "engine/util/messages.def"
#undef X
  count
};
static_assert(static_cast<int>(Msg::text) == 0, "Message::raw() is code 0");

}  // namespace yz
