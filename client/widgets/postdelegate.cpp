#include "postdelegate.h"

#include "avatar.h"
#include "feedmodel.h"
#include "imagecache.h"
#include "relativetime.h"
#include "replydecorations.h"
#include "session.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTextLayout>
#include <QToolTip>

#include <cmath>

namespace Hubbub::Client {

namespace {

// Everything is measured in font units so the cards scale with the UI font and the screen.
struct Metrics
{
    explicit Metrics(const QFontMetrics &fm)
        : line(fm.height())
        , margin(std::max(2, fm.height() / 2))
        , padding(std::max(4, fm.height() * 3 / 4))
        , gap(std::max(2, fm.height() / 3))
        , linkSpacing(fm.height())
    { }
    int line;
    int margin; //!< around a card
    int padding; //!< inside a card
    int gap; //!< between parts of a card
    int linkSpacing;
};

QString forLayout(QString text)
{
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return text;
}

//! Lays out `text` wrapped to `width`, at word boundaries when it can and anywhere when a
//! single word (a long link) is wider than the card. Returns the height.
int layoutText(QTextLayout &layout, int width)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.setCacheEnabled(true);
    qreal y = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    return int(std::ceil(y));
}

int textHeight(const QString &text, const QFont &font, int width)
{
    if (text.isEmpty())
        return 0;
    QTextLayout layout(forLayout(text), font);
    return layoutText(layout, width);
}

//! The height of wrapped text, and the height of its first `lines` lines when it is long
//! enough to fold: two lines more than that, so a fold always hides a few.
struct Wrapped
{
    int height = 0;
    int foldedHeight = 0; //!< 0: too short to fold
};

Wrapped wrappedText(const QString &text, const QFont &font, int width, int lines)
{
    if (text.isEmpty())
        return {};
    QTextLayout layout(forLayout(text), font);
    Wrapped wrapped;
    wrapped.height = layoutText(layout, width);
    if (layout.lineCount() > lines + 2)
        wrapped.foldedHeight = int(std::ceil(layout.lineAt(lines).position().y()));
    return wrapped;
}

void drawText(QPainter *painter, const QString &text, const QFont &font, const QRect &rect)
{
    if (text.isEmpty())
        return;
    QTextLayout layout(forLayout(text), font);
    layoutText(layout, rect.width());
    layout.draw(painter, rect.topLeft());
}

QFont titleFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * 1.15);
    else if (base.pixelSize() > 0)
        font.setPixelSize(int(base.pixelSize() * 1.15));
    return font;
}

QFont boldFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    return font;
}

QString separator()
{
    return QStringLiteral(" · ");
}

} // namespace

struct PostDelegate::Layout
{
    QRect card;
    QRect avatar;
    QRect author;
    QRect time;
    QRect edited;
    QRect status;
    QRect title;
    QRect text;
    QRect image;
    QRect failure;
    QRect rating;
    QRect fold; //!< the Show more / Show less link; empty when the text is short
    QRect recentSeparator;
    QList<std::pair<Action, QRect>> links;
    struct Comment
    {
        QRect author;
        QRect text;
        QString authorText;
        QString commentText;
        QString fullText;
    };
    QList<Comment> comments;
    QString authorText;
    QString timeText;
    QString editedText;
    QString statusText;
    QString failureText;
    QString ratingText;
    Action foldAction = Action::None;
    ReplyDecorations::Chips chips; //!< part "react": reaction chips under the rating line
    QPoint chipsPos;
    int height = 0;
};

PostDelegate::PostDelegate(Session *session, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_session(session)
{ }

QString PostDelegate::actionText(Action action)
{
    switch (action) {
    case Action::Review:
        return tr("Review…");
    case Action::Edit:
        return tr("Edit");
    case Action::Delete:
        return tr("Delete");
    case Action::Retry:
        return tr("Retry");
    case Action::Discard:
        return tr("Discard");
    case Action::OpenImage:
        return tr("Open image");
    case Action::ShowMore:
        return tr("Show more");
    case Action::ShowLess:
        return tr("Show less");
    case Action::None:
        break;
    }
    return {};
}

QString PostDelegate::ratingText(const QModelIndex &index)
{
    if (!index.data(FeedModel::LocalIdRole).toString().isEmpty())
        return {};
    const qint64 count = index.data(FeedModel::RatingCountRole).toLongLong();
    if (count <= 0)
        return tr("No reviews yet");
    const QLocale locale;
    return tr("★ %1 (%2)")
        .arg(locale.toString(index.data(FeedModel::RatingAverageRole).toDouble(), 'f', 1),
            locale.toString(count));
}

QList<PostDelegate::Action> PostDelegate::actions(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const bool pendingCreate = !index.data(FeedModel::LocalIdRole).toString().isEmpty();
    const bool failed = !index.data(FeedModel::FailureRole).toString().isEmpty();
    const bool deleting = index.data(FeedModel::DeletingRole).toBool();
    if (failed) {
        if (pendingCreate)
            return {Action::Edit, Action::Retry, Action::Discard};
        return {Action::Retry, Action::Discard};
    }
    if (pendingCreate)
        return {Action::Edit, Action::Delete};
    if (deleting)
        return {};
    QList<Action> list {Action::Review};
    if (m_session->mayChange(index.data(FeedModel::AuthorIdRole).toLongLong()))
        list << Action::Edit << Action::Delete;
    return list;
}

QString PostDelegate::expandKey(const QModelIndex &index)
{
    const QString localId = index.data(FeedModel::LocalIdRole).toString();
    return localId.isEmpty() ? QString::number(index.data(FeedModel::IdRole).toLongLong())
                             : QLatin1Char('~') + localId;
}

bool PostDelegate::isExpanded(const QModelIndex &index) const
{
    return index.isValid() && m_expanded.contains(expandKey(index));
}

void PostDelegate::setExpanded(const QModelIndex &index, bool expanded)
{
    if (!index.isValid() || isExpanded(index) == expanded)
        return;
    if (expanded)
        m_expanded.insert(expandKey(index));
    else
        m_expanded.remove(expandKey(index));
    Q_EMIT sizeHintChanged(index);
}

PostDelegate::Action PostDelegate::foldAction(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!index.isValid())
        return Action::None;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    return layout(opt, index).foldAction;
}

QSize PostDelegate::thumbnailBound(const QStyleOptionViewItem &option) const
{
    const int height = option.fontMetrics.height() * 14;
    return {height * 2, height};
}

PostDelegate::Layout PostDelegate::layout(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Layout l;
    const QFontMetrics fm = option.fontMetrics;
    const Metrics m(fm);
    const QFont authorFont = boldFont(option.font);
    const QFontMetrics authorFm(authorFont);

    const QRect &r = option.rect;
    l.card = QRect(r.left() + m.margin, r.top() + m.margin / 2, r.width() - 2 * m.margin, 0);
    const int x = l.card.left() + m.padding;
    const int width = std::max(l.card.width() - 2 * m.padding, m.line * 4);
    int y = l.card.top() + m.padding;

    // Header: author · time · edited, and the state of a pending change on the right.
    const bool pendingCreate = !index.data(FeedModel::LocalIdRole).toString().isEmpty();
    const bool pending = index.data(FeedModel::PendingRole).toBool();
    const bool deleting = index.data(FeedModel::DeletingRole).toBool();
    const QString failure = index.data(FeedModel::FailureRole).toString();
    if (failure.isEmpty() && pending) {
        l.statusText = deleting ? tr("Deleting…") : pendingCreate ? tr("Sending…") : tr("Saving…");
    }
    const int statusWidth = l.statusText.isEmpty() ? 0 : fm.horizontalAdvance(l.statusText);
    l.status = QRect(x + width - statusWidth, y, statusWidth, m.line);
    const int headerRight = x + width - (statusWidth > 0 ? statusWidth + m.linkSpacing : 0);

    // The avatar, then the display name (the username in the tooltip; see helpEvent).
    const User author = index.data(FeedModel::AuthorUserRole).value<User>();
    l.avatar = QRect(x, y, m.line, m.line);
    l.authorText = authorFm.elidedText(author.username.isEmpty()
            ? index.data(FeedModel::AuthorRole).toString()
            : author.shownName(),
        Qt::ElideRight, width / 2);
    l.author
        = QRect(l.avatar.right() + 1 + m.gap, y, authorFm.horizontalAdvance(l.authorText), m.line);
    int hx = l.author.right() + 1;
    l.timeText = relativeTime(index.data(FeedModel::CreatedAtRole).toDateTime());
    if (!l.timeText.isEmpty()) {
        hx += fm.horizontalAdvance(separator());
        l.timeText = fm.elidedText(l.timeText, Qt::ElideRight, std::max(0, headerRight - hx));
        l.time = QRect(hx, y, fm.horizontalAdvance(l.timeText), m.line);
        hx = l.time.right() + 1;
    }
    if (index.data(FeedModel::EditedRole).toBool()) {
        hx += fm.horizontalAdvance(separator());
        l.editedText = fm.elidedText(tr("edited"), Qt::ElideRight, std::max(0, headerRight - hx));
        l.edited = QRect(hx, y, fm.horizontalAdvance(l.editedText), m.line);
    }
    y += m.line + m.gap;

    const QFont tf = titleFont(option.font);
    const int titleHeight = textHeight(index.data(FeedModel::TitleRole).toString(), tf, width);
    l.title = QRect(x, y, width, titleHeight);
    y += titleHeight;

    const QString content = index.data(FeedModel::ContentRole).toString();
    if (!content.isEmpty()) {
        y += m.gap;
        const Wrapped wrapped = wrappedText(content, option.font, width, FoldLines);
        const bool expanded = isExpanded(index);
        const int h = wrapped.foldedHeight > 0 && !expanded ? wrapped.foldedHeight : wrapped.height;
        l.text = QRect(x, y, width, h);
        y += h;
        if (wrapped.foldedHeight > 0) {
            l.foldAction = expanded ? Action::ShowLess : Action::ShowMore;
            y += m.gap;
            const int w = std::min(width, fm.horizontalAdvance(actionText(l.foldAction)));
            l.fold = QRect(x, y, w, m.line);
            l.links.append({l.foldAction, l.fold});
            y += m.line;
        }
    }

    const QString imageId = index.data(FeedModel::ImageIdRole).toString();
    if (!imageId.isEmpty()) {
        y += m.padding;
        const QSize bound = thumbnailBound(option);
        const QSize drawn = m_thumbnailSizes.value(imageId);
        l.image = QRect(
            x, y, std::min(width, drawn.isValid() ? drawn.width() : bound.width()), bound.height());
        y += bound.height();
    }

    if (!failure.isEmpty()) {
        y += m.gap;
        l.failureText = tr("Not sent: %1").arg(failure);
        const int h = textHeight(l.failureText, authorFont, width);
        l.failure = QRect(x, y, width, h);
        y += h;
    }

    // Footer: the rating on the left, the links on the right.
    y += m.padding;
    const QList<Action> list = actions(index);
    int linksWidth = 0;
    for (const Action action : list)
        linksWidth += fm.horizontalAdvance(actionText(action));
    if (!list.isEmpty())
        linksWidth += m.linkSpacing * int(list.size() - 1);
    int lx = x + width - linksWidth;
    for (const Action action : list) {
        const int w = fm.horizontalAdvance(actionText(action));
        l.links.append({action, QRect(lx, y, w, m.line)});
        lx += w + m.linkSpacing;
    }
    l.ratingText = ratingText(index);
    if (!l.ratingText.isEmpty()) {
        const int room = std::max(0, width - linksWidth - (list.isEmpty() ? 0 : m.linkSpacing));
        l.ratingText = fm.elidedText(l.ratingText, Qt::ElideRight, room);
        l.rating = QRect(x, y, fm.horizontalAdvance(l.ratingText), m.line);
    }
    y += m.line;
    l.chips = ReplyDecorations::layoutChips(
        option.font, index.data(FeedModel::ReactionsRole), m_session->user().id, width);
    l.chipsPos = {x, y};
    y += l.chips.height;

    // The newest comments, a line each: what people say, without opening the reviews.
    const QVariantList recent = index.data(FeedModel::RecentReviewsRole).toList();
    if (!recent.isEmpty()) {
        y += m.gap;
        l.recentSeparator = QRect(x, y, width, 1);
        y += m.gap;
        for (const QVariant &value : recent) {
            const QVariantMap review = value.toMap();
            Layout::Comment comment;
            comment.authorText = authorFm.elidedText(
                review.value(QStringLiteral("author")).toString(), Qt::ElideRight, width / 3);
            comment.author = QRect(x, y, authorFm.horizontalAdvance(comment.authorText), m.line);
            comment.fullText = review.value(QStringLiteral("comment")).toString().simplified();
            const int left = comment.author.right() + 1 + m.gap * 2;
            comment.commentText
                = fm.elidedText(comment.fullText, Qt::ElideRight, std::max(0, x + width - left));
            comment.text = QRect(left, y, x + width - left, m.line);
            l.comments.append(comment);
            y += m.line;
        }
    }
    y += m.padding;

    l.card.setBottom(y - 1);
    l.height = y + m.margin / 2 - r.top();
    return l;
}

QSize PostDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The list lays rows out before it paints them: the width that matters is the viewport's.
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        opt.rect.setWidth(view->viewport()->width());
    opt.rect.moveTopLeft({0, 0});
    // The list asks again for the rows in sight after a resize or a style change; only the
    // wrapped text decides a height, so keep it.
    const size_t key = qHashMulti(0, opt.rect.width(), opt.font.key(),
        index.data(FeedModel::TitleRole).toString(), index.data(FeedModel::ContentRole).toString(),
        index.data(FeedModel::ImageIdRole).toString().isEmpty(),
        index.data(FeedModel::FailureRole).toString(), isExpanded(index),
        index.data(FeedModel::RecentReviewsRole).toList().size(), reactionsKey(index));
    if (const auto it = m_heights.constFind(key); it != m_heights.cend())
        return {opt.rect.width(), *it};
    if (m_heights.size() > 20000)
        m_heights.clear();
    const int height = layout(opt, index).height;
    m_heights.insert(key, height);
    return {opt.rect.width(), height};
}

void PostDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout l = layout(opt, index);
    const QPalette &palette = opt.palette;
    const QFontMetrics fm = opt.fontMetrics;
    const Metrics m(fm);
    const bool focused = opt.state.testFlag(QStyle::State_HasFocus);
    const bool hovered = opt.state.testFlag(QStyle::State_MouseOver);
    const bool pending = index.data(FeedModel::PendingRole).toBool()
        && index.data(FeedModel::FailureRole).toString().isEmpty();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);

    // The card.
    const qreal radius = m.line / 3.0;
    QColor border = palette.color(QPalette::Mid);
    if (hovered)
        border = palette.color(QPalette::Dark);
    if (focused)
        border = palette.color(QPalette::Highlight);
    painter->setPen(QPen(border, focused ? 2 : 1));
    painter->setBrush(palette.color(QPalette::Base));
    const qreal inset = focused ? 1.0 : 0.5;
    painter->drawRoundedRect(QRectF(l.card).adjusted(inset, inset, -inset, -inset), radius, radius);

    // Unacknowledged changes look provisional until the server has them.
    if (pending)
        painter->setOpacity(0.55);
    const QColor text = palette.color(QPalette::Text);
    const QColor secondary = palette.color(QPalette::PlaceholderText);

    Avatar::paint(painter, l.avatar, index.data(FeedModel::AuthorUserRole).value<User>(),
        m_session->images());
    painter->setFont(boldFont(opt.font));
    painter->setPen(text);
    painter->drawText(l.author, Qt::AlignLeft | Qt::AlignVCenter, l.authorText);
    painter->setFont(opt.font);
    painter->setPen(secondary);
    if (!l.timeText.isEmpty()) {
        painter->drawText(QRect(l.author.right() + 1, l.author.top(),
                              l.time.left() - l.author.right() - 1, m.line),
            Qt::AlignCenter, separator());
        painter->drawText(l.time, Qt::AlignLeft | Qt::AlignVCenter, l.timeText);
    }
    if (!l.editedText.isEmpty()) {
        const int from = (l.time.isValid() ? l.time : l.author).right() + 1;
        painter->drawText(QRect(from, l.edited.top(), l.edited.left() - from, m.line),
            Qt::AlignCenter, separator());
        painter->drawText(l.edited, Qt::AlignLeft | Qt::AlignVCenter, l.editedText);
    }
    if (!l.statusText.isEmpty())
        painter->drawText(l.status, Qt::AlignRight | Qt::AlignVCenter, l.statusText);

    painter->setPen(text);
    drawText(painter, index.data(FeedModel::TitleRole).toString(), titleFont(opt.font), l.title);
    if (l.foldAction == Action::ShowMore) {
        // Folded: the first lines only, whole.
        painter->save();
        painter->setClipRect(l.text, Qt::IntersectClip);
        drawText(painter, index.data(FeedModel::ContentRole).toString(), opt.font, l.text);
        painter->restore();
    } else {
        drawText(painter, index.data(FeedModel::ContentRole).toString(), opt.font, l.text);
    }

    if (l.image.isValid()) {
        const QString imageId = index.data(FeedModel::ImageIdRole).toString();
        const QSize bound = thumbnailBound(opt);
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        // Asking here, not in sizeHint, fetches only the images of rows on screen.
        const QImage thumbnail = m_session->images()->thumbnail(imageId, bound * dpr);
        if (!thumbnail.isNull()) {
            QSizeF size = QSizeF(thumbnail.size()) / dpr;
            if (size.width() > l.image.width() || size.height() > l.image.height())
                size.scale(l.image.size(), Qt::KeepAspectRatio);
            const QRect target(l.image.topLeft(), size.toSize());
            painter->drawImage(target, thumbnail);
            m_thumbnailSizes.insert(imageId, target.size());
        } else {
            painter->setPen(Qt::NoPen);
            painter->setBrush(palette.color(QPalette::AlternateBase));
            painter->drawRoundedRect(QRectF(l.image), radius, radius);
            painter->setPen(secondary);
            painter->drawText(l.image, Qt::AlignCenter,
                m_session->images()->isLoading(imageId) ? tr("Loading image…")
                                                        : tr("Image unavailable"));
        }
    }

    painter->setOpacity(1.0);
    if (!l.failureText.isEmpty()) {
        painter->setPen(text);
        drawText(painter, l.failureText, boldFont(opt.font), l.failure);
    }
    if (pending)
        painter->setOpacity(0.55);

    painter->setFont(opt.font);
    painter->setPen(secondary);
    painter->drawText(l.rating, Qt::AlignLeft | Qt::AlignVCenter, l.ratingText);
    painter->setOpacity(1.0);
    painter->setPen(palette.color(QPalette::Link));
    for (const auto &[action, rect] : l.links)
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, actionText(action));
    ReplyDecorations::paintChips(painter, l.chipsPos, l.chips, opt.font, palette);

    if (!l.comments.isEmpty()) {
        // A hairline of the text colour, faint: visible on light and dark cards alike.
        QColor hairline = text;
        hairline.setAlphaF(0.15f);
        painter->fillRect(l.recentSeparator, hairline);
        for (const Layout::Comment &comment : l.comments) {
            painter->setFont(boldFont(opt.font));
            painter->setPen(text);
            painter->drawText(comment.author, Qt::AlignLeft | Qt::AlignVCenter, comment.authorText);
            painter->setFont(opt.font);
            painter->drawText(comment.text, Qt::AlignLeft | Qt::AlignVCenter, comment.commentText);
        }
    }

    painter->restore();
}

QRect PostDelegate::actionRect(
    const QStyleOptionViewItem &option, const QModelIndex &index, Action action) const
{
    if (!index.isValid())
        return {};
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout l = layout(opt, index);
    if (action == Action::OpenImage)
        return l.image;
    for (const auto &[candidate, rect] : l.links) {
        if (candidate == action)
            return rect;
    }
    return {};
}

PostDelegate::Action PostDelegate::actionAt(
    const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    if (!index.isValid())
        return Action::None;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout l = layout(opt, index);
    // A little slack around the links: they are small targets.
    const int slack = opt.fontMetrics.height() / 4;
    for (const auto &[action, rect] : l.links) {
        if (rect.adjusted(-slack, -slack, slack, slack).contains(pos))
            return action;
    }
    if (l.image.contains(pos))
        return Action::OpenImage;
    return Action::None;
}

bool PostDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            const Action action = actionAt(option, index, mouse->position().toPoint());
            if (action != Action::None) {
                Q_EMIT actionTriggered(action, index);
                return true;
            }
            if (const auto chip = chipAt(option, index, mouse->position().toPoint())) {
                Q_EMIT reactionClicked(index, chip->emoji, !chip->mine);
                return true;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool PostDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (!event || !view || event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout l = layout(opt, index);
    QString tip;
    QRect area;
    const QPoint pos = event->pos();
    const QString longFormat = QLocale().dateTimeFormat(QLocale::LongFormat);
    const User author = index.data(FeedModel::AuthorUserRole).value<User>();
    if ((l.author.contains(pos) || l.avatar.contains(pos)) && !author.displayName.isEmpty()) {
        tip = author.username;
        area = l.avatar.united(l.author);
    } else if (l.time.contains(pos)) {
        tip = index.data(Qt::ToolTipRole).toString();
        area = l.time;
    } else if (l.edited.contains(pos)) {
        const QDateTime updated = index.data(FeedModel::UpdatedAtRole).toDateTime();
        tip = updated.isValid() ? tr("Edited %1").arg(updated.toLocalTime().toString(longFormat))
                                : tr("Edited; not saved yet");
        area = l.edited;
    } else if (l.image.contains(pos)) {
        tip = tr("Click to open the image");
        area = l.image;
    } else if (const int chip = ReplyDecorations::chipAt(l.chips, pos - l.chipsPos); chip >= 0) {
        tip = ReplyDecorations::chipToolTip(l.chips.chips.at(chip), m_nameOf);
        area = l.chips.rects.at(chip).translated(l.chipsPos);
    } else {
        // A comment cut to one line shows whole under the mouse.
        for (const Layout::Comment &comment : l.comments) {
            if (comment.text.contains(pos) && comment.commentText != comment.fullText) {
                tip = comment.fullText;
                area = comment.text;
            }
        }
    }
    if (tip.isEmpty()) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(event->globalPos(), tip, view->viewport(), area);
    return true;
}

std::optional<ReactionChip> PostDelegate::chipAt(
    const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    if (!index.isValid())
        return std::nullopt;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout l = layout(opt, index);
    const int chip = ReplyDecorations::chipAt(l.chips, pos - l.chipsPos);
    if (chip < 0)
        return std::nullopt;
    return l.chips.chips.at(chip);
}

QString PostDelegate::reactionsKey(const QModelIndex &index)
{
    QString key;
    const QVariantList reactions = index.data(FeedModel::ReactionsRole).toList();
    for (const QVariant &r : reactions) {
        key += r.toMap().value(QStringLiteral("emoji")).toString()
            + QString::number(r.toMap().value(QStringLiteral("count")).toInt());
    }
    return key;
}

} // namespace Hubbub::Client
