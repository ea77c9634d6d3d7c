#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Hubbub::Client {

class Connection;

//! The results of one search (the `search` verb), newest first, a page at a time: setQuery()
//! starts over, fetchMore() asks for the next page. Replies to an earlier query are dropped,
//! so typing fast never mixes two result lists.
class SearchModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        KindRole = Qt::UserRole + 1, //!< Kind
        IdRole, //!< the message's or the post's id
        ChannelIdRole, //!< a message's channel; 0 for a post
        AuthorRole, //!< QString
        CreatedAtRole, //!< QDateTime, UTC
        TitleRole, //!< a post's title; empty for a message
        SnippetRole, //!< QString: a few words around the match
        HighlightsRole, //!< QVariantList of QPoint(start, length) in SnippetRole's UTF-16 units
    };
    Q_ENUM(Roles)
    enum class Kind { Message, Post };
    Q_ENUM(Kind)
    enum class State { Idle, Loading, Done, Failed };
    Q_ENUM(State)

    explicit SearchModel(Connection *connection, QObject *parent = nullptr);
    ~SearchModel() override;
    Q_DISABLE_COPY_MOVE(SearchModel)

    //! Searches for `query` (trimmed); an empty one clears the results.
    void setQuery(const QString &query);
    QString query() const { return m_query; }
    State state() const { return m_state; }
    //! Why the last request failed, in the user's language.
    QString errorText() const { return m_errorText; }
    //! Whether the server has more results than are loaded.
    bool hasMore() const { return m_more; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void stateChanged(Hubbub::Client::SearchModel::State state);

private:
    struct Row
    {
        Kind kind = Kind::Message;
        qint64 id = 0;
        qint64 channelId = 0;
        QString author;
        QDateTime createdAt;
        QString title;
        QString snippet;
        QVariantList highlights;
    };
    void requestPage();
    void setState(State state);

    Connection *m_connection;
    QList<Row> m_rows;
    QString m_query;
    State m_state = State::Idle;
    QString m_errorText;
    bool m_more = false;
    quint64 m_generation = 0; //!< of the current query: older replies are dropped
};

} // namespace Hubbub::Client
