#pragma once

#include "feedmodel.h"
#include "feedview.h"
#include "postdelegate.h"
#include "session.h"
#include "testclient.h"
#include "testserver.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <memory>

namespace Hubbub::Test {

//! The feed page as a test drives it: a real server on loopback, ada signed in through a real
//! Session with a FeedView on screen, and bob on a plain TestClient to post as someone else.
//! Test classes of the feed page derive from it and call its start/stop/reset from their
//! initTestCase(), cleanupTestCase(), init() and cleanup().
class FeedViewFixture : public QObject
{
public:
    static const QString Password;

protected:
    //! Starts the server, registers bob, signs ada in and shows her feed view (640 × 720).
    bool startFixture();
    void stopFixture();
    //! Before each test: the view at its first size, the composer empty, the list at the top.
    void resetView();
    //! After each test: closes the dialogs and menus it left open; false if one stays.
    bool closeLeftovers();

    //! Signs a new Session in as `name` and waits until it is online with the feed loaded.
    std::unique_ptr<Client::Session> signIn(const QString &name, bool create);
    //! The row of the post titled `title` in ada's feed, or -1.
    int rowOf(const QString &title) const;
    //! The post titled `title` on the server (via bob's connection); empty when none.
    QJsonObject serverPost(const QString &title);
    //! Scrolls row `row` into view and clicks its `action` link.
    bool clickAction(int row, Client::PostDelegate::Action action);
    //! Creates a post as bob and waits until it shows in the view.
    bool bobPosts(const QString &title, const QString &content = {});
    //! Creates a post as ada through her session and waits until the server has acknowledged it.
    bool adaPosts(const QString &title, const QString &content = {});

    static QJsonObject postParams(const QString &title, const QString &content = {});

    TestServer m_server;
    std::unique_ptr<Client::Session> m_session;
    std::unique_ptr<Client::FeedView> m_view;
    TestClient m_bob;
    Client::FeedModel *m_feed = nullptr;
};

} // namespace Hubbub::Test
