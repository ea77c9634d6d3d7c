#include "avatar.h"

#include "imagecache.h"
#include "peoplemodel.h"

#include <QPainter>
#include <QPainterPath>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <cmath>

namespace Hubbub::Client {

namespace {

//! WCAG relative luminance of an sRGB colour.
double luminance(const QColor &color)
{
    const auto channel
        = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF());
}

//! The first user-perceived character (grapheme cluster) of `text`: a Hangul syllable, an
//! emoji with its modifiers, a letter with its accents.
QString firstGrapheme(const QString &text)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    const qsizetype end = finder.toNextBoundary();
    return end > 0 ? text.left(end) : text.left(1);
}

//! Scripts whose names are written as initials ("AL"); for the others (Han, Hangul, kana, ...)
//! one character says more.
bool takesTwoInitials(const QString &first)
{
    switch (QChar::script(first.toUcs4().value(0))) {
    case QChar::Script_Latin:
    case QChar::Script_Greek:
    case QChar::Script_Cyrillic:
    case QChar::Script_Armenian:
    case QChar::Script_Georgian:
        return true;
    default:
        return false;
    }
}

} // namespace

Avatar::Avatar(ImageCache *images, int size, QWidget *parent)
    : QWidget(parent)
    , m_images(images)
    , m_size(size)
{
    setFixedSize(size, size);
    if (images) {
        connect(images, &ImageCache::imageReady, this, [this](const QString &imageId) {
            if (imageId == m_user.avatarId)
                update();
        });
    }
}

void Avatar::setUser(const User &user)
{
    m_user = user;
    setToolTip(user.shownName());
    update();
}

void Avatar::setPreview(const QImage &image)
{
    m_preview = image;
    update();
}

void Avatar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_preview.isNull()) {
        paint(&painter, rect(), m_user, m_images);
        return;
    }
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(QRectF(rect()));
    painter.setClipPath(circle);
    const QImage scaled = m_preview.scaled(
        size() * devicePixelRatioF(), Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
    QRectF source(QPointF(), QSizeF(size() * devicePixelRatioF()));
    source.moveCenter(QRectF(scaled.rect()).center());
    painter.drawImage(QRectF(rect()), scaled, source);
}

void Avatar::paint(QPainter *painter, const QRect &rect, const User &user, ImageCache *images)
{
    painter->save();
    painter->setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(QRectF(rect));
    QImage picture;
    if (images && !user.avatarId.isEmpty()) {
        // Twice the size: the thumbnail fits inside the bound, and the circle crops it.
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        picture = images->thumbnail(user.avatarId, rect.size() * dpr * 2);
    }
    if (!picture.isNull()) {
        painter->setClipPath(circle, Qt::IntersectClip);
        const QSizeF fill
            = QSizeF(picture.size()).scaled(rect.size(), Qt::KeepAspectRatioByExpanding);
        QRectF target(QPointF(), fill);
        target.moveCenter(QRectF(rect).center());
        painter->drawImage(target, picture);
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(colorOf(user.id));
        painter->drawPath(circle);
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(qMax(6, rect.height() * 2 / 5));
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(rect, Qt::AlignCenter, initialsOf(user));
    }
    painter->restore();
}

QColor Avatar::colorOf(qint64 userId)
{
    // Golden-ratio steps around the hue circle: neighbouring ids get distant colours.
    const double hue = std::fmod(double(userId) * 0.618033988749895, 1.0);
    QColor color = QColor::fromHslF(float(hue), 0.6f, 0.45f);
    // Darken until white text on it has a contrast of at least 4.5:1 (WCAG AA): yellows and
    // greens need it, blues do not. Saturated and mid-dark, it stands out on white and on a
    // dark base alike.
    for (float lightness = 0.45f; luminance(color) > 1.05 / 4.5 - 0.05 && lightness > 0.1f;) {
        lightness -= 0.02f;
        color = QColor::fromHslF(float(hue), 0.6f, lightness);
    }
    return color;
}

QString Avatar::initialsOf(const User &user)
{
    const QStringList words = user.shownName().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    const QString first = firstGrapheme(words.first());
    if (words.size() < 2 || !takesTwoInitials(first))
        return first.toUpper();
    return (first + firstGrapheme(words.last())).toUpper();
}

PersonDelegate::PersonDelegate(ImageCache *images, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_images(images)
{ }

QSize PersonDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // As tall as the channel rows beside it (Sidebar's RowDelegate).
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), option.fontMetrics.height() * 3 / 2 + 4));
    return size;
}

void PersonDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : nullptr;
    if (style)
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const User user = index.data(PeopleModel::UserRole).value<User>();
    const QFontMetrics fm = opt.fontMetrics;
    const int pad = qMax(2, fm.height() / 8);
    const bool rtl = opt.direction == Qt::RightToLeft;
    const int side = opt.rect.height() - 2 * pad;
    const QRect avatar(rtl ? opt.rect.right() - pad - side : opt.rect.left() + pad,
        opt.rect.top() + pad, side, side);
    Avatar::paint(painter, avatar, user, m_images);

    const int gap = fm.averageCharWidth();
    QRect text = opt.rect.adjusted(pad + side + gap, 0, -pad, 0);
    if (rtl)
        text = opt.rect.adjusted(pad, 0, -(pad + side + gap), 0);
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(QPalette::Text));
    const QString name = fm.elidedText(user.shownName(), Qt::ElideRight, text.width());
    painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeading, name);
    if (!user.displayName.isEmpty()) {
        // The username in grey after the display name: names are chosen freely, usernames are
        // unique, so a look-alike display name still shows who it is.
        const int used = fm.horizontalAdvance(name) + fm.averageCharWidth();
        QRect rest = text;
        if (rtl)
            rest.setRight(text.right() - used);
        else
            rest.setLeft(text.left() + used);
        painter->setPen(opt.palette.color(QPalette::PlaceholderText));
        painter->drawText(rest, Qt::AlignVCenter | Qt::AlignLeading,
            fm.elidedText(user.username, Qt::ElideRight, rest.width()));
    }
    painter->restore();
}

} // namespace Hubbub::Client
