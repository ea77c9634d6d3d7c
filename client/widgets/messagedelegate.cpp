#include "messagedelegate.h"

#include "attachmentlines.h"
#include "avatar.h"
#include "chatmodel.h"
#include "imagecache.h"
#include "replydecorations.h"
#include "richtext.h"

#include <QAbstractItemView>
#include <QDesktopServices>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTextLayout>
#include <QToolTip>
#include <QtMath>

#include <memory>

namespace Hubbub::Client {

namespace {

//! Spacing derived from the font, so rows scale with the font and the screen's DPI.
struct Metrics
{
    explicit Metrics(const QFontMetrics &fm)
        : hMargin(fm.height() * 3 / 4)
        , groupTop(fm.height() / 2)
        , compactTop(qMax(1, fm.height() / 10))
        , bottom(qMax(1, fm.height() / 10))
        , headerGap(qMax(1, fm.height() / 10))
    { }

    int hMargin;
    int groupTop; //!< above the author line of a new group
    int compactTop; //!< above a message that continues a group
    int bottom;
    int headerGap; //!< between the author line and the text
};

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
        float(a.greenF() * (1 - t) + b.greenF() * t), float(a.blueF() * (1 - t) + b.blueF() * t));
}

QFont smallerFont(const QFont &font)
{
    QFont small = font;
    if (font.pointSizeF() > 0)
        small.setPointSizeF(font.pointSizeF() * 0.9);
    else if (font.pixelSize() > 0)
        small.setPixelSize(qMax(1, font.pixelSize() * 9 / 10));
    return small;
}

//! The time only: the date separator above says which day (the tooltip has the full date).
QString shortTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime().time(), QLocale::ShortFormat);
}

int availableWidth(const QStyleOptionViewItem &option)
{
    if (option.rect.width() > 0)
        return option.rect.width();
    // QListView asks for size hints without a rect: wrap at the width it shows rows at.
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return 400;
}

std::unique_ptr<QTextLayout> wrapped(const QString &text, const QFont &font,
    const QList<QTextLayout::FormatRange> &formats, qreal width, Qt::LayoutDirection direction)
{
    auto layout = std::make_unique<QTextLayout>(text, font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    textOption.setTextDirection(direction);
    layout->setTextOption(textOption);
    layout->setFormats(formats);
    layout->beginLayout();
    qreal y = 0;
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(qMax<qreal>(1, width));
        line.setPosition({0, y});
        y += line.height();
    }
    layout->endLayout();
    return layout;
}

int heightOf(const QTextLayout &layout)
{
    return layout.lineCount() == 0 ? 0 : qCeil(layout.boundingRect().height());
}

QTextLayout::FormatRange range(int start, int length, const QTextCharFormat &format)
{
    QTextLayout::FormatRange r;
    r.start = start;
    r.length = length;
    r.format = format;
    return r;
}

//! One row placed for a width; paint, sizeHint and the link hit test all use it, so the three
//! can never disagree.
struct RowLayout
{
    RowLayout(const QStyleOptionViewItem &option, const QModelIndex &index, const QDate &today,
        RichText &rich, qint64 selfId = 0);

    ChatModel::Kind kind = ChatModel::Kind::Message;
    Metrics metrics;
    QFont font;
    QFont boldFont;
    QFont smallFont;
    bool header = false;
    QString day; //!< the date separator's text, on the first row of a day
    int dayHeight = 0;
    QString author;
    User authorUser; //!< for the avatar and, when there is a display name, the username
    QString time;
    QString presence;
    int headerTop = 0;
    SafeDocument *text = nullptr; //!< owned by the delegate's RichText cache
    QColor textColor;
    QPoint textPos;
    std::unique_ptr<QTextLayout> failure;
    QPoint failurePos;
    int retryStart = -1;
    int retryLength = 0;
    int discardStart = -1;
    int discardLength = 0;
    QRect quote; //!< part "react": the quote of the original, empty when none
    ReplyDecorations::Chips chips; //!< part "react": reaction chips under the text
    QPoint chipsPos;
    QList<File> files; //!< attachments (part "files"), under the text
    QRect filesArea; //!< relative to the row's top left
    int height = 0;
};

RowLayout::RowLayout(const QStyleOptionViewItem &option, const QModelIndex &index,
    const QDate &today, RichText &rich, qint64 selfId)
    : metrics(option.fontMetrics)
    , font(option.font)
    , boldFont(option.font)
    , smallFont(smallerFont(option.font))
{
    boldFont.setBold(true);
    kind = index.data(ChatModel::KindRole).value<ChatModel::Kind>();
    const QString name = index.data(ChatModel::AuthorRole).toString();
    const int textWidth = availableWidth(option) - 2 * metrics.hMargin;
    if (index.data(ChatModel::DayStartRole).toBool()) {
        day = MessageDelegate::dayLabel(
            index.data(ChatModel::CreatedAtRole).toDateTime().toLocalTime().date(), today);
        dayHeight = metrics.groupTop + QFontMetrics(boldFont).height() + metrics.groupTop / 2;
    }

    if (kind != ChatModel::Kind::Message) {
        // "Ada, Bo joined · Cy left · 10:42": one line for a burst of joins and leaves.
        presence = index.data(ChatModel::TextRole).toString() + QStringLiteral(" · ")
            + shortTime(index.data(ChatModel::CreatedAtRole).toDateTime());
        height = dayHeight + metrics.groupTop + QFontMetrics(smallFont).height()
            + metrics.groupTop / 2;
        return;
    }

    const QPalette &palette = option.palette;
    const bool pending = index.data(ChatModel::PendingRole).toBool();
    const bool deleting = index.data(ChatModel::DeletingRole).toBool();
    const QString failureText = index.data(ChatModel::FailureRole).toString();
    const bool isSend = !index.data(ChatModel::LocalIdRole).toString().isEmpty();

    int y = dayHeight;
    header = index.data(ChatModel::FirstInGroupRole).toBool();
    if (header) {
        y += metrics.groupTop;
        headerTop = y;
        authorUser = index.data(ChatModel::AuthorUserRole).value<User>();
        author = authorUser.id != 0 ? authorUser.shownName() : name;
        time = shortTime(index.data(ChatModel::CreatedAtRole).toDateTime());
        y += QFontMetrics(boldFont).height() + metrics.headerGap;
    } else {
        y += metrics.compactTop;
    }
    if (const int h = ReplyDecorations::quoteHeight(smallFont, index); h > 0) {
        quote = QRect(metrics.hMargin, y, textWidth, h);
        y += h;
    }

    // The Markdown text and its marker in one document, so the marker wraps like a word of the
    // text; "(edited)" is a link that opens the edit history.
    QString marker;
    bool edited = false;
    if (failureText.isEmpty() && pending) {
        marker = deleting ? MessageDelegate::tr("Deleting…")
            : isSend      ? MessageDelegate::tr("Sending…")
                          : MessageDelegate::tr("Saving…");
    } else if (index.data(ChatModel::EditedRole).toBool()) {
        marker = MessageDelegate::tr("(edited)");
        edited = !pending;
    }
    textColor = pending && failureText.isEmpty()
        ? mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45)
        : palette.color(QPalette::Text);
    RichText::Style style {
        font, palette, textColor, deleting, selfId, marker, edited, option.direction};
    text = rich.document(index.data(ChatModel::MarkdownRole).toString(), qMax(1, textWidth), style);
    textPos = {metrics.hMargin, y};
    y += qCeil(text->size().height());
    files = index.data(ChatModel::FilesRole).value<QList<File>>();
    if (!files.isEmpty()) {
        y += metrics.headerGap;
        filesArea = QRect(metrics.hMargin, y, textWidth, AttachmentLines::height(files, font));
        y += filesArea.height();
    }

    if (!failureText.isEmpty()) {
        const QString prefix = isSend ? MessageDelegate::tr("Not sent: %1").arg(failureText)
                                      : MessageDelegate::tr("Not saved: %1").arg(failureText);
        const QString retry = MessageDelegate::tr("Retry");
        const QString discard = MessageDelegate::tr("Discard");
        QString line = prefix + QStringLiteral(" — ");
        retryStart = int(line.size());
        retryLength = int(retry.size());
        line += retry + QStringLiteral(" · ");
        discardStart = int(line.size());
        discardLength = int(discard.size());
        line += discard;

        QTextCharFormat prefixFormat;
        prefixFormat.setForeground(palette.color(QPalette::Text));
        prefixFormat.setFontWeight(QFont::Bold);
        QTextCharFormat linkFormat;
        linkFormat.setForeground(palette.color(QPalette::Link));
        linkFormat.setFontUnderline(true);
        failure = wrapped(line, smallFont,
            {range(0, int(prefix.size()), prefixFormat), range(retryStart, retryLength, linkFormat),
                range(discardStart, discardLength, linkFormat)},
            textWidth, option.direction);
        y += metrics.headerGap;
        failurePos = {metrics.hMargin, y};
        y += heightOf(*failure);
    }
    chips = ReplyDecorations::layoutChips(
        font, index.data(ChatModel::ReactionsRole), selfId, textWidth);
    chipsPos = {metrics.hMargin, y};
    y += chips.height;
    height = y + metrics.bottom;
}

bool inRange(int position, int start, int length)
{
    return start >= 0 && position >= start && position < start + length;
}

//! The author line's pieces, placed: the avatar (a circle as high as the line), the name, the
//! username in grey when a display name stands before it, the time. paint() and the click
//! test share it.
struct HeaderLayout
{
    HeaderLayout(const RowLayout &row, const QRect &rect, Qt::LayoutDirection direction)
    {
        const QFontMetrics boldMetrics(row.boldFont);
        const QFontMetrics smallMetrics(row.smallFont);
        const int left = rect.left() + row.metrics.hMargin;
        const int width = rect.width() - 2 * row.metrics.hMargin;
        const int side = boldMetrics.height();
        const int gap = boldMetrics.averageCharWidth();
        baseline = rect.top() + row.headerTop + boldMetrics.ascent();
        const int timeWidth = smallMetrics.horizontalAdvance(row.time);
        int room = qMax(0, width - side - 2 * gap - timeWidth);
        author = boldMetrics.elidedText(row.author, Qt::ElideRight, room);
        const int authorWidth = boldMetrics.horizontalAdvance(author);
        room = qMax(0, room - authorWidth - gap);
        if (!row.authorUser.displayName.isEmpty())
            username = smallMetrics.elidedText(row.authorUser.username, Qt::ElideRight, room);
        const int usernameWidth
            = username.isEmpty() ? 0 : smallMetrics.horizontalAdvance(username) + gap;
        // Laid out left to right, then mirrored for a right-to-left layout.
        const auto place = [&](int x, int w) {
            return direction == Qt::RightToLeft ? left + width - x - w : left + x;
        };
        avatar = QRect(place(0, side), rect.top() + row.headerTop, side, side);
        authorX = place(side + gap, authorWidth);
        usernameX = place(side + 2 * gap + authorWidth, qMax(0, usernameWidth - gap));
        timeX = place(side + 2 * gap + authorWidth + usernameWidth, timeWidth);
        const int nameLeft = std::min(avatar.left(), authorX);
        const int nameRight = std::max(avatar.right() + 1, authorX + authorWidth);
        clickable = QRect(nameLeft, avatar.top(), nameRight - nameLeft, side);
    }

    QRect avatar;
    QRect clickable; //!< the avatar and the name
    QString author;
    QString username; //!< empty without a display name
    int baseline = 0;
    int authorX = 0;
    int usernameX = 0;
    int timeX = 0;
};
//! What decides the height of the quote and the chips, for the row height cache.
QString reactKey(const QModelIndex &index)
{
    QString key = QChar(0x1f) + ReplyDecorations::quoteText(index) + QChar(0x1f);
    const QVariantList reactions = index.data(ChatModel::ReactionsRole).toList();
    for (const QVariant &r : reactions) {
        key += r.toMap().value(QStringLiteral("emoji")).toString()
            + QString::number(r.toMap().value(QStringLiteral("count")).toInt());
    }
    return key;
}

} // namespace

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_today(QDate::currentDate())
{ }

QString MessageDelegate::daySeparator(const QModelIndex &index) const
{
    if (!index.data(ChatModel::DayStartRole).toBool())
        return {};
    return dayLabel(
        index.data(ChatModel::CreatedAtRole).toDateTime().toLocalTime().date(), m_today);
}

QString MessageDelegate::dayLabel(const QDate &day, const QDate &today)
{
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

int MessageDelegate::newMessagesHeight(const QStyleOptionViewItem &option) const
{
    return option.fontMetrics.height() * 3 / 2;
}

QStyleOptionViewItem MessageDelegate::belowNewMessages(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    if (m_newMessagesAbove != 0 && index.data(ChatModel::IdRole).toLongLong() == m_newMessagesAbove)
        opt.rect.setTop(opt.rect.top() + newMessagesHeight(option));
    return opt;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The "New messages" line is on top of the row's own height (which is cached without it).
    const int extra = m_newMessagesAbove != 0
            && index.data(ChatModel::IdRole).toLongLong() == m_newMessagesAbove
        ? newMessagesHeight(option)
        : 0;
    const QSize own = rowSizeHint(option, index);
    return {own.width(), own.height() + extra};
}

QSize MessageDelegate::rowSizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int width = availableWidth(opt);
    if (const QString font = opt.font.key(); font != m_heightsFont) {
        m_heights.clear();
        m_heightsFont = font;
    }
    const auto flag = [&index](int role) {
        return index.data(role).toBool() ? QLatin1Char('1') : QLatin1Char('0');
    };
    const QString key = QString::number(width) + QLatin1Char(' ')
        + QString::number(int(index.data(ChatModel::KindRole).value<ChatModel::Kind>()))
        + flag(ChatModel::FirstInGroupRole) + flag(ChatModel::DayStartRole)
        + flag(ChatModel::PendingRole) + flag(ChatModel::DeletingRole) + flag(ChatModel::EditedRole)
        + (index.data(ChatModel::LocalIdRole).toString().isEmpty() ? QLatin1Char('0')
                                                                   : QLatin1Char('1'))
        + index.data(ChatModel::FailureRole).toString() + QChar(0x1f)
        + QString::number(index.data(ChatModel::FilesRole).value<QList<File>>().size())
        + index.data(ChatModel::MarkdownRole).toString() + reactKey(index);
    if (const auto found = m_heights.constFind(key); found != m_heights.constEnd())
        return {width, *found};
    const RowLayout row(opt, index, m_today, m_rich, m_selfId);
    if (m_heights.size() > 20000)
        m_heights.clear(); // bounded; it refills from what is on screen and laid out next
    m_heights.insert(key, row.height);
    return {width, row.height};
}

void MessageDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = belowNewMessages(option, index);
    if (opt.rect.top() != option.rect.top()) {
        // "──── New messages ────" in the accent colour across the strip above the row.
        painter->save();
        const QRect strip(option.rect.left(), option.rect.top(), option.rect.width(),
            opt.rect.top() - option.rect.top());
        QFont font = option.font;
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 0.9);
        const QFontMetrics metrics(font);
        const QString text = tr("New messages");
        const int margin = metrics.averageCharWidth() * 2;
        const int textWidth = metrics.horizontalAdvance(text);
        const QColor accent = option.palette.color(QPalette::Highlight);
        const int middle = strip.center().y();
        painter->setPen(accent);
        painter->drawLine(
            strip.left() + margin, middle, strip.right() - 2 * margin - textWidth, middle);
        painter->setFont(font);
        painter->drawText(
            QRect(strip.right() - margin - textWidth, strip.top(), textWidth, strip.height()),
            Qt::AlignVCenter | Qt::AlignRight, text);
        painter->restore();
    }
    initStyleOption(&opt, index);
    const RowLayout row(opt, index, m_today, m_rich, m_selfId);
    const QPalette &palette = opt.palette;
    const QRect rect = opt.rect;

    painter->save();
    painter->setClipRect(rect);
    // Selection only matters for keyboard use: show it while the list has the focus, and
    // keep it light so the text stays in its normal colours.
    // (The date separator above a row is not part of what is hovered or selected.)
    const QRect message = rect.adjusted(0, row.dayHeight, 0, 0);
    const bool listFocused = opt.widget && opt.widget->hasFocus();
    if ((opt.state & QStyle::State_Selected) && listFocused) {
        painter->fillRect(
            message, mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.25));
    } else if ((opt.state & QStyle::State_MouseOver) && row.kind == ChatModel::Kind::Message) {
        painter->fillRect(
            message, mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.05));
    }
    if (m_highlightId != 0 && index.data(ChatModel::IdRole).toLongLong() == m_highlightId) {
        // A message jumped to (from a quote, a search): briefly marked.
        painter->fillRect(
            message, mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight), 0.35));
    }
    if ((opt.state & QStyle::State_HasFocus) && listFocused) {
        painter->setPen(palette.color(QPalette::Highlight));
        painter->drawRect(message.adjusted(0, 0, -1, -1));
    }

    if (!row.day.isEmpty()) {
        // "──── Today ────" across the row, above the rest of it.
        const QFontMetrics dayMetrics(row.boldFont);
        const int left = rect.left() + row.metrics.hMargin;
        const int right = rect.right() - row.metrics.hMargin;
        const QString day = dayMetrics.elidedText(row.day, Qt::ElideRight, right - left);
        const int dayWidth = dayMetrics.horizontalAdvance(day);
        const int gap = dayMetrics.averageCharWidth();
        const int textLeft = rect.left() + (rect.width() - dayWidth) / 2;
        const int top = rect.top() + row.metrics.groupTop;
        const int middle = top + dayMetrics.height() / 2;
        painter->setPen(mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.2));
        if (textLeft - gap > left) {
            painter->drawLine(left, middle, textLeft - gap, middle);
            painter->drawLine(textLeft + dayWidth + gap, middle, right, middle);
        }
        painter->setFont(row.boldFont);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(QPoint(textLeft, top + dayMetrics.ascent()), day);
    }

    if (row.kind != ChatModel::Kind::Message) {
        painter->setFont(row.smallFont);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        const QRect line = rect.adjusted(row.metrics.hMargin, row.dayHeight + row.metrics.groupTop,
            -row.metrics.hMargin, -row.metrics.groupTop / 2);
        painter->drawText(line, Qt::AlignHCenter | Qt::AlignTop,
            QFontMetrics(row.smallFont).elidedText(row.presence, Qt::ElideRight, line.width()));
        painter->restore();
        return;
    }

    if (row.header) {
        const HeaderLayout header(row, rect, opt.direction);
        Avatar::paint(painter, header.avatar, row.authorUser, m_images);
        painter->setFont(row.boldFont);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(QPoint(header.authorX, header.baseline), header.author);
        painter->setFont(row.smallFont);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        if (!header.username.isEmpty())
            painter->drawText(QPoint(header.usernameX, header.baseline), header.username);
        painter->drawText(QPoint(header.timeX, header.baseline), row.time);
    }
    if (!row.quote.isEmpty()) {
        ReplyDecorations::paintQuote(painter, row.quote.translated(rect.topLeft()), row.smallFont,
            palette, index, opt.direction);
    }
    if (row.text)
        RichText::draw(painter, row.text, rect.topLeft() + row.textPos, row.textColor);
    if (!row.files.isEmpty()) {
        AttachmentLines::paint(
            painter, row.filesArea.translated(rect.topLeft()), row.files, row.font, palette);
    }
    if (row.failure)
        row.failure->draw(painter, rect.topLeft() + row.failurePos);
    ReplyDecorations::paintChips(
        painter, rect.topLeft() + row.chipsPos, row.chips, row.font, palette);
    painter->restore();
}

MessageDelegate::Link MessageDelegate::linkAt(
    const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    QStyleOptionViewItem opt = belowNewMessages(option, index);
    initStyleOption(&opt, index);
    const RowLayout row(opt, index, m_today, m_rich, m_selfId);
    if (!row.failure)
        return Link::None;
    const QPointF local = QPointF(pos - opt.rect.topLeft() - row.failurePos);
    for (int i = 0; i < row.failure->lineCount(); ++i) {
        const QTextLine line = row.failure->lineAt(i);
        if (!line.naturalTextRect().contains(local))
            continue;
        const int position = line.xToCursor(local.x(), QTextLine::CursorOnCharacter);
        if (inRange(position, row.retryStart, row.retryLength))
            return Link::Retry;
        if (inRange(position, row.discardStart, row.discardLength))
            return Link::Discard;
        return Link::None;
    }
    return Link::None;
}

QString MessageDelegate::anchorAt(
    const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    QStyleOptionViewItem opt = belowNewMessages(option, index);
    initStyleOption(&opt, index);
    const RowLayout row(opt, index, m_today, m_rich, m_selfId);
    if (!row.text)
        return {};
    return RichText::anchorAt(row.text, QPointF(pos - opt.rect.topLeft() - row.textPos));
}

void MessageDelegate::activateAnchor(const QModelIndex &index, const QString &href)
{
    if (href == RichText::markerHref()) {
        Q_EMIT editHistoryRequested(index);
        return;
    }
    const QUrl url(href);
    if (RichText::isOpenable(url))
        QDesktopServices::openUrl(url);
}

void MessageDelegate::setImages(ImageCache *images)
{
    m_images = images;
}

bool MessageDelegate::isOnAuthor(
    const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    QStyleOptionViewItem opt = belowNewMessages(option, index);
    initStyleOption(&opt, index);
    const RowLayout row(opt, index, m_today, m_rich, m_selfId);
    return row.header && HeaderLayout(row, opt.rect, opt.direction).clickable.contains(pos);
}

std::optional<File> MessageDelegate::downloadAt(
    const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    QStyleOptionViewItem opt = belowNewMessages(option, index);
    initStyleOption(&opt, index);
    const RowLayout row(opt, index, m_today, m_rich, m_selfId);
    const int at = AttachmentLines::downloadAt(
        row.filesArea.translated(opt.rect.topLeft()), row.files, row.font, pos);
    return at < 0 ? std::nullopt : std::optional<File>(row.files.at(at));
}

bool MessageDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton
            && isOnAuthor(option, index, mouse->position().toPoint())) {
            if (event->type() == QEvent::MouseButtonRelease)
                Q_EMIT authorActivated(index.data(ChatModel::AuthorUserRole).value<User>(),
                    mouse->globalPosition().toPoint());
            return true;
        }
        if (mouse->button() == Qt::LeftButton) {
            const std::optional<File> file = downloadAt(option, index, mouse->position().toPoint());
            if (file) {
                if (event->type() == QEvent::MouseButtonRelease)
                    Q_EMIT downloadRequested(*file);
                return true;
            }
            const Link link = linkAt(option, index, mouse->position().toPoint());
            if (link != Link::None) {
                if (event->type() == QEvent::MouseButtonRelease)
                    Q_EMIT linkActivated(index, link);
                return true;
            }
            if (const QString href = anchorAt(option, index, mouse->position().toPoint());
                !href.isEmpty()) {
                if (event->type() == QEvent::MouseButtonRelease)
                    activateAnchor(index, href);
                return true;
            }
            if (reactEvent(event->type(), option, index, mouse->position().toPoint()))
                return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

// Part "react": the quote and the reaction chips, hit-tested on the same layout as painted.

void MessageDelegate::setHighlighted(qint64 messageId)
{
    m_highlightId = messageId;
}

MessageDelegate::ReactHit MessageDelegate::reactHitAt(
    const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const
{
    QStyleOptionViewItem opt = belowNewMessages(option, index);
    initStyleOption(&opt, index);
    const RowLayout row(opt, index, m_today, m_rich, m_selfId);
    const QPoint local = pos - opt.rect.topLeft();
    ReactHit hit;
    if (row.quote.contains(local)) {
        hit.quote = true;
        return hit;
    }
    const int chip = ReplyDecorations::chipAt(row.chips, local - row.chipsPos);
    if (chip >= 0)
        hit.chip = row.chips.chips.at(chip);
    return hit;
}

bool MessageDelegate::reactEvent(QEvent::Type type, const QStyleOptionViewItem &option,
    const QModelIndex &index, const QPoint &pos)
{
    const ReactHit hit = reactHitAt(option, index, pos);
    if (!hit.quote && !hit.chip)
        return false;
    if (type == QEvent::MouseButtonRelease) {
        if (hit.quote)
            Q_EMIT quoteClicked(index);
        else
            Q_EMIT reactionClicked(index, hit.chip->emoji, !hit.chip->mine);
    }
    return true;
}

bool MessageDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && index.isValid()) {
        const ReactHit hit = reactHitAt(option, index, event->pos());
        if (hit.chip || hit.quote) {
            QToolTip::showText(event->globalPos(),
                hit.chip ? ReplyDecorations::chipToolTip(*hit.chip, m_nameOf)
                         : tr("Go to the original message"),
                view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace Hubbub::Client
