#pragma once

#include "types.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QStringList>

namespace Hubbub::Client {

//! Who is online now, sorted by name. Known only while connected: offline the list is empty
//! and isKnown() false, which a view must show as "unknown", never as "nobody".
class PeopleModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, UsernameRole, AdminRole, DisplayNameRole, UserRole };
    Q_ENUM(Roles)

    explicit PeopleModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The server's presence.list: from now on the list is known.
    void setUsers(const QList<User> &users);
    //! A presence frame; returns whether anything changed.
    bool setOnline(const User &user, bool online);
    //! A user.renamed or user.updated event: the new name, display name or picture.
    void renameUser(const User &user);
    //! The connection dropped: nobody listed, and the list no longer known.
    void clear();
    bool isKnown() const { return m_known; }
    bool isOnline(qint64 userId) const { return rowOf(userId) >= 0; }
    int rowOf(qint64 userId) const;

    //! Everyone with an account, online or not, as user.list answered (extension "profiles")
    //! and kept current by presence and renames; names to complete a mention with. Kept while
    //! offline: the people were known, only who is online is not.
    void setEveryone(const QList<User> &users);
    //! Everyone known: the last user.list plus whoever came online since; by username.
    QStringList everyonesNames() const;
    //! Everyone with an account as user.list last answered (for the local cache).
    QList<User> everyone() const { return m_everyone.values(); }

private:
    static bool lessThan(const User &a, const User &b);
    void insertSorted(const User &user);

    QList<User> m_users;
    QHash<qint64, User> m_everyone;
    bool m_known = false;
};

} // namespace Hubbub::Client
