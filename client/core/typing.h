#pragma once

#include "types.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace Hubbub::Client {

class Connection;
struct SessionState;

//! Who is typing where: typing frames from the others, shown for a few seconds or until their
//! message arrives, and our own typing sent at most once per few seconds per channel.
class Typing final : public QObject
{
    Q_OBJECT
public:
    Typing(Connection *connection, const SessionState &state, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(Typing)

    //! Who is typing in a channel now (not us), sorted by name.
    QStringList typingIn(qint64 channelId) const;
    //! Tells the others we are typing (at most once per SendSeconds per channel).
    void send(qint64 channelId);
    //! Our message went out: the next keystroke may say "typing" again at once.
    void messageSent(qint64 channelId);
    //! Their message arrived: they stopped typing.
    void messageArrived(qint64 channelId, qint64 authorId);
    //! The connection dropped: nobody is known to be typing.
    void clear();

    static constexpr int ShownSeconds = 6;
    static constexpr int SendSeconds = 3;

Q_SIGNALS:
    void typingChanged(qint64 channelId);

private:
    struct Typist
    {
        QString name;
        QDateTime until;
    };

    void onTyping(qint64 channelId, const User &user);
    void prune();

    Connection *m_connection;
    const SessionState &m_state;
    QHash<qint64, QHash<qint64, Typist>> m_typing; //!< channel → user → typist
    QTimer m_pruneTimer;
    QHash<qint64, QDateTime> m_lastSent;
};

} // namespace Hubbub::Client
