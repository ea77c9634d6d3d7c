#pragma once

#include "server.h"
#include "serverconfig.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Hubbub::Test {

//! A real Server in this process on 127.0.0.1, port 0, with its SQLite file in a temporary
//! folder that outlives restarts of the server.
class TestServer final
{
public:
    TestServer();
    ~TestServer();

    //! The config used by the next start(); host, port and database are filled in.
    Server::ServerConfig &config() { return m_config; }
    bool start();
    void stop();
    //! Stops (if running) and starts on the same file; keepPort reuses the port it last had.
    bool restart(bool keepPort = false);

    QUrl url() const;
    QString databasePath() const { return m_config.databasePath; }
    QString dir() const { return m_dir.path(); }
    Server::Server *server() { return m_server.get(); }

private:
    QTemporaryDir m_dir;
    Server::ServerConfig m_config;
    std::unique_ptr<Server::Server> m_server;
    quint16 m_lastPort = 0;
};

//! The rows of `table` in a server's database file, read on a read-only connection of our own
//! (beside the server's, which may be running); -1 when it cannot be read.
qint64 storedRows(const QString &databasePath, const QString &table);

} // namespace Hubbub::Test
