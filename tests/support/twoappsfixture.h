#pragma once

#include "appcontroller.h"
#include "clientsettings.h"
#include "session.h"
#include "testserver.h"

#include <QAbstractItemModel>
#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Hubbub::Test {

//! One running copy of the desktop app, as client/main.cpp builds it, with everything it stores
//! in `dir` so that nothing touches the real user settings.
class TestApp final
{
public:
    explicit TestApp(const QString &dir);

    Client::MainWindow *window() const;
    //! Its window shows, online, with the feed loaded.
    bool isReady() const;

    Client::ClientSettings settings;
    Client::Session session;
    Client::AppController controller;
};

//! Two app instances in one process (ada and bob, each with its own settings file and data
//! folder) signed in to one real server on loopback, as the main-window tests start each test.
//! Test classes derive from it and call startApps() from init() and stopApps() from cleanup().
class TwoAppsFixture : public QObject
{
public:
    static const QString Password;

protected:
    //! A fresh server, then ada and bob started with new accounts; both see two people online.
    bool startApps();
    //! Closes what the test left open, then the apps, the server and their folders.
    void stopApps();

    //! Starts an app in `dir` signing in as `username` (creating the account) with no dialog,
    //! and waits until its window shows, online with the feed loaded.
    std::unique_ptr<TestApp> startApp(QTemporaryDir &dir, const QString &username);
    //! Creates a channel through ada's session and waits until both apps list it; 0 if not.
    qint64 createChannel(const QString &name);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_adaDir;
    std::unique_ptr<QTemporaryDir> m_bobDir;
    std::unique_ptr<TestApp> m_ada;
    std::unique_ptr<TestApp> m_bob;
};

//! The first row of `model` whose `role` is `text`, or -1.
int rowWith(const QAbstractItemModel *model, int role, const QString &text);
//! How many rows of `model` have `text` as `role`.
int countWith(const QAbstractItemModel *model, int role, const QString &text);

} // namespace Hubbub::Test
