#pragma once

// The numbers and names of the contract, written out from shared/spec/protocol-v1.md (and,
// for the extensions, docs/protocol.md) by hand. They are deliberately not taken from
// common/protocollimits.h or common's name tables: the kit checks a server against the text,
// so a mistake in the project's own tables cannot hide a server that makes the same mistake.

#include <QtGlobal>

namespace Hubbub::Conformance::Spec {

inline constexpr int Protocol = 1;

// "Limits (defaults; the server may make them configurable)".
inline constexpr int UsernameMin = 3;
inline constexpr int UsernameMax = 32;
inline constexpr int PasswordMin = 8;
inline constexpr int PasswordMax = 256;
inline constexpr int TitleMax = 200;
inline constexpr int ContentMax = 20000;
inline constexpr int ChatTextMax = 4000;
inline constexpr int CommentMax = 2000;
inline constexpr int RatingMin = 1;
inline constexpr int RatingMax = 5;
inline constexpr qint64 ImageMaxBytes = 8 * 1024 * 1024;
inline constexpr int ImageMaxSide = 8192;
inline constexpr qint64 FrameMaxBytes = 16 * 1024 * 1024;

// "Verbs": the page sizes.
inline constexpr int FeedLimitMax = 100;
inline constexpr int FeedLimitDefault = 20;
inline constexpr int HistoryLimitMax = 200;
inline constexpr int HistoryLimitDefault = 50;

//! Request ids and every other id: an integer from 0 to 2^53 - 1.
inline constexpr qint64 MaxSafeInteger = (qint64(1) << 53) - 1;

} // namespace Hubbub::Conformance::Spec

namespace Hubbub::Conformance::Spec {

//! The `error.code` values of the spec's table, in its order. A server sends no other.
inline constexpr const char *ErrorCodes[]
    = {"bad_request", "invalid", "unauthorized", "forbidden", "not_found", "conflict", "too_large",
        "rate_limited", "too_old", "unsupported_protocol", "internal"};

} // namespace Hubbub::Conformance::Spec
