#pragma once

namespace Hubbub::Test {

//! Whether this build, and so the server binary built with it, runs under AddressSanitizer.
//! Its quarantine of freed memory and its shadow memory make a process's RSS say nothing about
//! the program's own memory use, so memory bounds are asserted in the normal build only.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool UnderAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool UnderAddressSanitizer = true;
#else
inline constexpr bool UnderAddressSanitizer = false;
#endif
#else
inline constexpr bool UnderAddressSanitizer = false;
#endif

} // namespace Hubbub::Test
