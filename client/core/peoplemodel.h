#pragma once

#include "types.h"

#include <QAbstractListModel>
#include <QList>

namespace Hubbub::Client {

//! Who is online now, sorted by name.
class PeopleModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, UsernameRole, AdminRole };
    Q_ENUM(Roles)

    explicit PeopleModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setUsers(const QList<User> &users);
    //! A presence frame; returns whether anything changed.
    bool setOnline(const User &user, bool online);
    void renameUser(const User &user);
    void clear();
    bool isOnline(qint64 userId) const { return rowOf(userId) >= 0; }
    int rowOf(qint64 userId) const;

private:
    static bool lessThan(const User &a, const User &b);
    void insertSorted(const User &user);

    QList<User> m_users;
};

} // namespace Hubbub::Client
