#pragma once

#include <QList>
#include <QString>

namespace Hubbub::Test {

class TestServer;

//! What `hubbub-server --promote NAME` does, through the running server's writer.
bool promote(TestServer &server, const QString &username);
//! A direct conversation with these members written straight into the store (as part "dm"'s
//! dm.open would), for tests of other parts that must hold for direct conversations; its id,
//! 0 on failure.
qint64 createDirect(TestServer &server, const QList<qint64> &memberIds);

} // namespace Hubbub::Test
