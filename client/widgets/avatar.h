#pragma once

#include "types.h"

#include <QPointer>
#include <QStyledItemDelegate>
#include <QWidget>

namespace Hubbub::Client {

class ImageCache;

//! A person's picture in a circle: their uploaded avatar, or their initials on a colour derived
//! from their user id (the same colour on every screen, white initials readable on it in light
//! and dark palettes). paint() serves delegates; the widget serves the profile card and dialog.
class Avatar final : public QWidget
{
    Q_OBJECT
public:
    Avatar(ImageCache *images, int size, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(Avatar)

    void setUser(const User &user);
    User user() const { return m_user; }
    //! Shows this picture instead of the user's (the edit dialog's preview); null: the user's.
    void setPreview(const QImage &image);
    QSize sizeHint() const override { return {m_size, m_size}; }

    //! Draws `user`'s avatar in `rect` (a square). A picture not loaded yet shows the initials
    //! until ImageCache::imageReady, which the caller repaints on.
    static void paint(QPainter *painter, const QRect &rect, const User &user, ImageCache *images);
    //! The background for a user without a picture: a hue from the id, dark enough for white.
    static QColor colorOf(qint64 userId);
    //! One or two letters: the first of the display name (else the username), plus the first of
    //! its last word for scripts that write initials that way ("Ada Lovelace": "AL"; "김민준":
    //! "김").
    static QString initialsOf(const User &user);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QPointer<ImageCache> m_images;
    int m_size;
    User m_user;
    QImage m_preview;
};

//! A people list row: the avatar, the display name and, in grey, the username.
class PersonDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    PersonDelegate(ImageCache *images, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(PersonDelegate)

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QPointer<ImageCache> m_images;
};

} // namespace Hubbub::Client
