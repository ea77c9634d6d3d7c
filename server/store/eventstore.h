#pragma once

#include "error.h"

#include <QByteArrayList>

namespace Hubbub::Server {

class SqlConnection;

//! Reads the event log that the writer appends to.
namespace EventStore {

struct Since
{
    QByteArrayList frames; //!< event frames (JSON, UTF-8) after `since`, in seq order
    qint64 head = 0;
};

//! The committed head seq (0 for an empty log).
Result<qint64> head(SqlConnection &c);
//! Every event after `since` as `userId` may see it: an event whose audience does not hold
//! that user is its `hidden` stub. `too_old` when `since` precedes the retained log, is ahead
//! of the head, or when the catch-up (what is sent) would exceed `maxBytes` (the client
//! reloads instead).
Result<Since> since(SqlConnection &c, qint64 userId, qint64 since, qint64 maxBytes);
//! Whether a stored audience (NULL/empty: everyone, else ids joined with ',') holds `userId`.
bool audienceHolds(QStringView audience, qint64 userId);

} // namespace EventStore
} // namespace Hubbub::Server
