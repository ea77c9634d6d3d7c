#pragma once

#include "types.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Hubbub::Client {

//! A queued edit or delete of a stored row, as the row shows it until the server answers.
struct Overlay
{
    std::optional<QJsonObject> edit; //!< the parameters of the newest queued edit
    bool deleting = false;
    QString failure; //!< why the server refused the change the row stands for
    bool isEmpty() const { return !edit && !deleting && failure.isEmpty(); }
    bool operator==(const Overlay &) const = default;
};

//! What a model offers so that changes queued in the outbox show in it. OutboxProjection is
//! the only caller; FeedModel and ChatModel implement it with a PendingChanges each.
class PendingModel
{
public:
    PendingModel() = default;
    virtual ~PendingModel() = default;
    Q_DISABLE_COPY_MOVE(PendingModel)

    //! A queued create: a row the server does not have yet, drawn from the request's
    //! parameters. Does nothing when the row is there already.
    virtual void addPending(const QString &localId, const QJsonObject &params, const User &author,
        const QDateTime &created)
        = 0;
    //! The queued create was edited, or refused (`failure` empty: not refused).
    virtual void updatePending(
        const QString &localId, const QJsonObject &params, const QString &failure)
        = 0;
    virtual void removePending(const QString &localId) = 0;
    //! How stored row `id` shows its queued edits and deletes; an empty overlay clears it.
    //! Kept for rows not loaded yet, so a row that arrives later shows it too.
    virtual void setOverlay(qint64 id, const Overlay &overlay) = 0;
    //! An acknowledged create or edit: `result` is the reply, with the row as stored.
    virtual void applyStored(const QJsonObject &result) = 0;
    virtual void remove(qint64 id) = 0;
};

//! The pending half of a list model: rows for queued creates, kept apart from the stored
//! rows in the order the model shows them, and the overlays of stored rows. `Item` has a
//! `localId` and a `failure`. The model decides where the rows sit and emits the signals.
template<typename Item>
class PendingChanges
{
public:
    const QList<Item> &rows() const { return m_rows; }
    qsizetype size() const { return m_rows.size(); }
    const Item &at(qsizetype i) const { return m_rows.at(i); }
    Item &operator[](qsizetype i) { return m_rows[i]; }

    //! Where the create `localId` is among rows(); -1 when it is not.
    qsizetype indexOf(const QString &localId) const
    {
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).localId == localId)
                return i;
        }
        return -1;
    }
    void insert(qsizetype i, Item item) { m_rows.insert(i, std::move(item)); }
    void removeAt(qsizetype i) { m_rows.removeAt(i); }

    Overlay overlay(qint64 id) const { return m_overlays.value(id); }
    //! False when the row already showed exactly this.
    bool setOverlay(qint64 id, const Overlay &overlay)
    {
        auto it = m_overlays.find(id);
        if (it == m_overlays.end() ? overlay.isEmpty() : *it == overlay)
            return false;
        if (overlay.isEmpty())
            m_overlays.erase(it);
        else
            m_overlays.insert(id, overlay);
        return true;
    }
    //! The row is gone: nothing is left to overlay.
    void forget(qint64 id) { m_overlays.remove(id); }

private:
    QList<Item> m_rows;
    QHash<qint64, Overlay> m_overlays;
};

} // namespace Hubbub::Client
