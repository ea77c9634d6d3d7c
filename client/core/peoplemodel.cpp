#include "peoplemodel.h"

#include <algorithm>

namespace Hubbub::Client {

PeopleModel::PeopleModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int PeopleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QVariant PeopleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User &user = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return user.shownName();
    case Qt::ToolTipRole:
        return user.displayName.isEmpty() ? QVariant() : QVariant(user.username);
    case UsernameRole:
        return user.username;
    case DisplayNameRole:
        return user.displayName;
    case UserRole:
        return QVariant::fromValue(user);
    case IdRole:
        return user.id;
    case AdminRole:
        return user.isAdmin();
    default:
        return {};
    }
}

QHash<int, QByteArray> PeopleModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "userId"}, {UsernameRole, "username"}, {AdminRole, "admin"},
        {DisplayNameRole, "displayName"}, {UserRole, "user"}});
    return names;
}

bool PeopleModel::lessThan(const User &a, const User &b)
{
    const int c = QString::compare(a.username, b.username, Qt::CaseInsensitive);
    return c != 0 ? c < 0 : a.id < b.id;
}

void PeopleModel::insertSorted(const User &user)
{
    const auto it = std::lower_bound(m_users.cbegin(), m_users.cend(), user, &lessThan);
    const int row = int(it - m_users.cbegin());
    beginInsertRows({}, row, row);
    m_users.insert(row, user);
    endInsertRows();
}

void PeopleModel::setUsers(const QList<User> &users)
{
    beginResetModel();
    m_users.clear();
    for (const User &user : users) {
        if (std::none_of(
                m_users.cbegin(), m_users.cend(), [&](const User &u) { return u.id == user.id; }))
            m_users.append(user);
    }
    std::sort(m_users.begin(), m_users.end(), &lessThan);
    for (const User &user : std::as_const(m_users))
        m_everyone.insert(user.id, user);
    m_known = true;
    endResetModel();
}

void PeopleModel::setEveryone(const QList<User> &users)
{
    m_everyone.clear();
    for (const User &user : users)
        m_everyone.insert(user.id, user);
    for (const User &user : std::as_const(m_users))
        m_everyone.insert(user.id, user);
}

QStringList PeopleModel::everyonesNames() const
{
    QStringList names;
    names.reserve(m_everyone.size());
    for (const User &user : m_everyone)
        names.append(user.username);
    names.sort(Qt::CaseInsensitive);
    return names;
}

bool PeopleModel::setOnline(const User &user, bool online)
{
    if (online)
        m_everyone.insert(user.id, user); // a new account comes online before any user.list
    const int row = rowOf(user.id);
    if (online == (row >= 0))
        return false;
    if (online) {
        insertSorted(user);
    } else {
        beginRemoveRows({}, row, row);
        m_users.removeAt(row);
        endRemoveRows();
    }
    return true;
}

void PeopleModel::renameUser(const User &user)
{
    if (m_everyone.contains(user.id))
        m_everyone.insert(user.id, user);
    const int row = rowOf(user.id);
    if (row < 0 || m_users.at(row) == user)
        return;
    if (m_users.at(row).username == user.username) {
        // A new display name or picture: the row keeps its place (sorted by username).
        m_users[row] = user;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    beginRemoveRows({}, row, row);
    m_users.removeAt(row);
    endRemoveRows();
    insertSorted(user);
}

void PeopleModel::clear()
{
    if (m_users.isEmpty() && !m_known)
        return;
    beginResetModel();
    m_users.clear();
    m_known = false;
    endResetModel();
}

int PeopleModel::rowOf(qint64 userId) const
{
    for (qsizetype i = 0; i < m_users.size(); ++i) {
        if (m_users.at(i).id == userId)
            return int(i);
    }
    return -1;
}

} // namespace Hubbub::Client
