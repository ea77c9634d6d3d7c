#include "feedviewfixture.h"

#include "composer.h"
#include "connection.h"
#include "outbox.h"
#include "widgettesting.h"

#include <QDialog>
#include <QJsonArray>
#include <QListView>
#include <QTest>

namespace Hubbub::Test {

using namespace Hubbub::Client;

const QString FeedViewFixture::Password = QStringLiteral("correct horse");

bool FeedViewFixture::startFixture()
{
    if (!m_server.start() || !m_bob.open(m_server.url())
        || !isOk(m_bob.registerUser(QStringLiteral("bob"), Password))) {
        return false;
    }
    m_session = signIn(QStringLiteral("ada"), true);
    if (!m_session)
        return false;
    m_feed = m_session->feed();
    m_view = std::make_unique<FeedView>(m_session.get());
    m_view->resize(640, 720);
    m_view->show();
    return QTest::qWaitForWindowExposed(m_view.get());
}

void FeedViewFixture::stopFixture()
{
    m_view.reset();
    m_session.reset();
}

void FeedViewFixture::resetView()
{
    m_view->resize(640, 720);
    m_view->composer()->clear();
    m_view->listView()->scrollToTop();
}

bool FeedViewFixture::closeLeftovers()
{
    closeDialogsAndMenus();
    return QTest::qWaitFor([] { return !findWindow<QDialog>(); }, 5000);
}

std::unique_ptr<Session> FeedViewFixture::signIn(const QString &name, bool create)
{
    auto session = std::make_unique<Session>(Session::Paths {});
    session->signIn(m_server.url(), name, Password, create);
    const bool ready = QTest::qWaitFor(
        [&] { return session->connection()->isOnline() && session->feed()->isLoaded(); }, 20000);
    if (!ready)
        return nullptr;
    return session;
}

int FeedViewFixture::rowOf(const QString &title) const
{
    for (int row = 0; row < m_feed->rowCount(); ++row) {
        if (m_feed->index(row).data(FeedModel::TitleRole).toString() == title)
            return row;
    }
    return -1;
}

QJsonObject FeedViewFixture::serverPost(const QString &title)
{
    const QJsonObject reply
        = m_bob.request(QStringLiteral("feed.page"), {{QStringLiteral("limit"), 100}});
    const QJsonArray posts = reply.value(QStringLiteral("posts")).toArray();
    for (const QJsonValue &post : posts) {
        if (post.toObject().value(QStringLiteral("title")).toString() == title)
            return post.toObject();
    }
    return {};
}

bool FeedViewFixture::clickAction(int row, PostDelegate::Action action)
{
    return clickCardAction(m_view.get(), row, action);
}

bool FeedViewFixture::bobPosts(const QString &title, const QString &content)
{
    if (!isOk(m_bob.request(QStringLiteral("post.create"), postParams(title, content))))
        return false;
    return QTest::qWaitFor([&] { return rowOf(title) >= 0; }, 10000);
}

bool FeedViewFixture::adaPosts(const QString &title, const QString &content)
{
    m_session->createPost(title, content);
    return QTest::qWaitFor(
        [&] {
            const int row = rowOf(title);
            return row >= 0 && !m_feed->index(row).data(FeedModel::PendingRole).toBool()
                && m_session->outbox()->count() == 0;
        },
        10000);
}

QJsonObject FeedViewFixture::postParams(const QString &title, const QString &content)
{
    return {{QStringLiteral("title"), title}, {QStringLiteral("content"), content}};
}

} // namespace Hubbub::Test
