#pragma once

#include <QtGlobal>

//! The limits of protocol v1 ("Limits" in the spec) plus the project's own extensions.
namespace Hubbub::Limits {

inline constexpr int UsernameMin = 3;
inline constexpr int UsernameMax = 32;
inline constexpr int PasswordMin = 8;
inline constexpr int PasswordMax = 256;
inline constexpr int TitleMin = 1;
inline constexpr int TitleMax = 200;
inline constexpr int ContentMax = 20000;
inline constexpr int ChatTextMin = 1;
inline constexpr int ChatTextMax = 4000;
inline constexpr int CommentMax = 2000;
inline constexpr int RatingMin = 1;
inline constexpr int RatingMax = 5;
inline constexpr qint64 ImageBytesMax = 8 * 1024 * 1024;
inline constexpr int ImageDimensionMax = 8192;
inline constexpr qint64 FrameBytesMax = 16 * 1024 * 1024;

inline constexpr int FeedPageDefault = 20;
inline constexpr int FeedPageMax = 100;
inline constexpr int HistoryPageDefault = 50;
inline constexpr int HistoryPageMax = 200;

// Extensions (documented in docs/protocol.md): channel names and topics.
inline constexpr int ChannelNameMin = 1;
inline constexpr int ChannelNameMax = 64;
inline constexpr int ChannelTopicMax = 500;
inline constexpr int NonceMax = 128;
inline constexpr int ClientNameMax = 128;
//! How many reviews with a comment a post carries in recentReviews.
inline constexpr int RecentReviews = 2;

// Direct messages (docs/protocol.md, "Direct messages"): a conversation has 2..8 members, the
// caller included, so dm.open names at most 7 others.
inline constexpr int DirectMembersMax = 8;

// Part "react" (issue 12): replies and reactions.
//! A reply's quote of its original: the first line, cut to this many characters.
inline constexpr int ReplyQuoteMax = 200;
//! Distinct emoji on one message or post; the next one is refused (`too_large`).
inline constexpr int ReactionsPerEntryMax = 20;
//! An emoji's length in UTF-8 bytes.
inline constexpr int EmojiBytesMax = 32;
inline constexpr int AroundDefault = 50;
inline constexpr int AroundMax = 200;
// Part "rich" (issue 12): how many `@name` tokens of one text the server looks up; the
// ones after are plain text (a 20,000-character post of `@a @a ...` costs 64 look-ups).
inline constexpr int MentionTokensMax = 64;

// Part "search" (issue 12): a query is at most this many UTF-16 code units and this many terms;
// paging goes this far (deep pages cost as much as every page before them).
inline constexpr int SearchQueryMax = 500;
inline constexpr int SearchTermsMax = 16;
inline constexpr int SearchPageDefault = 20;
inline constexpr int SearchPageMax = 50;
inline constexpr int SearchOffsetMax = 1000;

// Part "files": attachments (docs/protocol.md, "Files").
inline constexpr qint64 FileBytesMax = 100 * 1024 * 1024;
//! Decoded bytes in one file.chunk and one file.get answer (base64 of it stays under a frame).
inline constexpr qint64 FileChunkBytesMax = 4 * 1024 * 1024;
inline constexpr int FilesPerEntryMax = 10;
inline constexpr int FileNameMax = 255;
inline constexpr int FileMimeMax = 127;
//! Uploads one user may have begun and not yet finished or cancelled.
inline constexpr int FileUploadsPerUser = 4;

// Part "read" (issue 12): read state. Unread and mention counts are counted up to this many
// (a bounded read on the network thread); the client shows "999+" from there.
inline constexpr int UnreadCountMax = 1000;

//! Largest integer a JSON number carries exactly, the upper bound of ids (2^53 - 1).

inline constexpr qint64 MaxSafeInteger = 9007199254740991LL;

// Part "people" (docs/protocol.md "Display names and avatars"): a display name is 0..64 code
// points once trimmed; user.list answers every user in one reply up to this many (see there).
inline constexpr int DisplayNameMax = 64;
inline constexpr int UserListMax = 10000;

// Issue 13, part "accounts" (docs/protocol.md, "Accounts an admin runs").
//! An invite is valid for 1 hour to 30 days; 7 days unless asked otherwise.
inline constexpr int InviteHoursMin = 1;
inline constexpr int InviteHoursMax = 30 * 24;
inline constexpr int InviteHoursDefault = 7 * 24;
//! Invites not yet used or expired, server-wide: a bound on what invite.list returns.
inline constexpr int InvitesOpenMax = 1000;
//! A one-time password code from admin.reset_password is valid for 24 hours.
inline constexpr int ResetCodeHours = 24;
//! Invite and one-time codes: 16 letters and digits of Crockford's base32 (80 bits), shown
//! in groups of four; dashes, spaces and case do not matter when typed back.
inline constexpr int CodeChars = 16;
inline constexpr int CodeInputMax = 64;
inline constexpr int AuditPageDefault = 100;
inline constexpr int AuditPageMax = 500;
} // namespace Hubbub::Limits
