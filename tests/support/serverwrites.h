#pragma once

#include <QList>
#include <QString>
#include <QVariantList>

namespace Hubbub::Test {

class TestServer;

//! What `hubbub-server --promote NAME` does, through the running server's writer: the role,
//! and the audit entry with no actor.
bool promote(TestServer &server, const QString &username);
//! One SQL statement run in the running server's writer, for a state no verb can make (an
//! invite or one-time code past its expiry); false when it fails or changes no row.
bool changeStored(TestServer &server, const QString &sql, const QVariantList &values = {});
//! A direct conversation with these members written straight into the store (as part "dm"'s
//! dm.open would), for tests of other parts that must hold for direct conversations; its id,
//! 0 on failure.
qint64 createDirect(TestServer &server, const QList<qint64> &memberIds);

} // namespace Hubbub::Test
