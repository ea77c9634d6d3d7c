#include "reviewdialog.h"

#include "charwidth.h"
#include "protocollimits.h"
#include "relativetime.h"
#include "reply.h"
#include "session.h"
#include "types.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStyleOptionFocusRect>

#include <functional>

namespace Hubbub::Client {

namespace {

QString starsText(int rating)
{
    QString text;
    for (int i = 1; i <= Limits::RatingMax; ++i)
        text.append(i <= rating ? QChar(0x2605) : QChar(0x2606));
    return text;
}

//! Five stars; a click or a key sets how many are filled.
class StarPicker final : public QWidget
{
public:
    explicit StarPicker(std::function<void(int)> changed, QWidget *parent)
        : QWidget(parent)
        , m_changed(std::move(changed))
    {
        setFocusPolicy(Qt::StrongFocus);
        setMouseTracking(true);
        QFont big = font();
        if (big.pointSizeF() > 0)
            big.setPointSizeF(big.pointSizeF() * 1.8);
        else
            big.setPixelSize(int(big.pixelSize() * 1.8));
        setFont(big);
        setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    }

    void setRating(int rating) { m_rating = rating, update(); }

    //! The rectangle of star `n` (1-based).
    QRect starRect(int n) const
    {
        const int w = starWidth();
        return {padding() + (n - 1) * w, 0, w, height()};
    }

    QSize sizeHint() const override
    {
        return {2 * padding() + Limits::RatingMax * starWidth(), fontMetrics().height() * 3 / 2};
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        const int shown = m_hover > 0 ? m_hover : m_rating;
        for (int i = 1; i <= Limits::RatingMax; ++i) {
            const bool filled = i <= shown;
            painter.setPen(
                palette().color(filled ? QPalette::Highlight : QPalette::PlaceholderText));
            painter.drawText(
                starRect(i), Qt::AlignCenter, QString(filled ? QChar(0x2605) : QChar(0x2606)));
        }
        if (hasFocus()) {
            QStyleOptionFocusRect option;
            option.initFrom(this);
            option.backgroundColor = palette().color(QPalette::Window);
            style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
        }
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const int star = starAt(event->position().toPoint());
        if (star != m_hover) {
            m_hover = star;
            update();
        }
    }

    void leaveEvent(QEvent *) override
    {
        m_hover = 0;
        update();
    }

    void mouseReleaseEvent(QMouseEvent *event) override
    {
        const int star = starAt(event->position().toPoint());
        if (event->button() == Qt::LeftButton && star > 0)
            m_changed(star);
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        int rating = m_rating;
        switch (event->key()) {
        case Qt::Key_Left:
        case Qt::Key_Down:
        case Qt::Key_Minus:
            rating = std::max(Limits::RatingMin, rating - 1);
            break;
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Plus:
            rating = std::min(Limits::RatingMax, rating + 1);
            break;
        case Qt::Key_Home:
            rating = Limits::RatingMin;
            break;
        case Qt::Key_End:
            rating = Limits::RatingMax;
            break;
        default:
            if (event->key() >= Qt::Key_1 && event->key() <= Qt::Key_5) {
                rating = event->key() - Qt::Key_0;
                break;
            }
            QWidget::keyPressEvent(event);
            return;
        }
        m_changed(rating);
    }

private:
    int padding() const { return fontMetrics().height() / 4; }
    int starWidth() const { return fontMetrics().horizontalAdvance(QChar(0x2605)) * 3 / 2; }
    int starAt(const QPoint &pos) const
    {
        for (int i = 1; i <= Limits::RatingMax; ++i) {
            if (starRect(i).contains(pos))
                return i;
        }
        return 0;
    }

    std::function<void(int)> m_changed;
    int m_rating = 0;
    int m_hover = 0;
};

} // namespace

ReviewDialog::ReviewDialog(
    Session *session, qint64 postId, const QString &postTitle, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_postId(postId)
    , m_stars(new StarPicker([this](int rating) { setRating(rating); }, this))
    , m_ownReview(new QLabel(this))
    , m_ratingText(new QLabel(this))
    , m_comment(new QPlainTextEdit(this))
    , m_counter(new QLabel(this))
    , m_reviewsStatus(new QLabel(this))
    , m_reviews(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("reviewDialog"));
    setWindowTitle(tr("Review “%1”").arg(postTitle));

    m_stars->setObjectName(QStringLiteral("reviewStars"));
    m_stars->setAccessibleName(tr("Rating"));
    m_stars->setToolTip(tr("Click a star, or use the arrow keys or 1–5"));
    m_ownReview->setObjectName(QStringLiteral("reviewOwnNote"));
    m_ownReview->setWordWrap(true);
    m_ownReview->hide();
    m_ratingText->setObjectName(QStringLiteral("reviewRatingText"));
    m_comment->setObjectName(QStringLiteral("reviewComment"));
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setPlaceholderText(tr("Comment (optional)"));
    m_comment->setTabChangesFocus(true);
    m_comment->setFixedHeight(m_comment->fontMetrics().lineSpacing() * 4
        + 2 * (m_comment->frameWidth() + int(m_comment->document()->documentMargin())));
    m_counter->setObjectName(QStringLiteral("reviewCounter"));
    m_reviews->setObjectName(QStringLiteral("reviewList"));
    m_reviews->setAccessibleName(tr("Reviews"));
    m_reviews->setWordWrap(true);
    m_reviews->setSelectionMode(QAbstractItemView::NoSelection);
    m_reviews->setFocusPolicy(Qt::TabFocus);
    m_reviews->setMinimumHeight(m_reviews->fontMetrics().height() * 6);
    m_reviews->setSpacing(m_reviews->fontMetrics().height() / 4);
    m_reviewsStatus->setObjectName(QStringLiteral("reviewsStatus"));
    m_reviewsStatus->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Submit review"));

    auto *ratingRow = new QHBoxLayout;
    ratingRow->addWidget(m_stars);
    ratingRow->addWidget(m_ratingText);
    ratingRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    auto *ratingLabel = new QLabel(tr("Your rating:"), this);
    ratingLabel->setBuddy(m_stars);
    layout->addWidget(m_ownReview);
    layout->addWidget(ratingLabel);
    layout->addLayout(ratingRow);
    layout->addWidget(m_comment);
    layout->addWidget(m_counter, 0, Qt::AlignRight);
    layout->addWidget(m_buttons);
    auto *reviewsLabel = new QLabel(tr("Reviews so far:"), this);
    reviewsLabel->setBuddy(m_reviews);
    layout->addWidget(reviewsLabel);
    layout->addWidget(m_reviewsStatus);
    layout->addWidget(m_reviews, 1);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Ctrl+Enter sends from any field, as it posts in the composer and saves in the edit
    // dialog; without a rating it takes the user to the stars, which is what is missing.
    for (const QKeySequence &keys :
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, [this] {
            if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
                accept();
            else if (m_rating < Limits::RatingMin)
                m_stars->setFocus(Qt::ShortcutFocusReason);
        });
    }
    connect(m_comment, &QPlainTextEdit::textChanged, this, &ReviewDialog::updateState);
    m_stars->setFocus();
    updateState();
    resize(sizeHint().expandedTo(QSize(charWidth(fontMetrics()) * 60, 0)));
    loadReviews();
}

void ReviewDialog::setRating(int rating)
{
    rating = std::clamp(rating, 0, Limits::RatingMax);
    if (rating == m_rating)
        return;
    m_rating = rating;
    static_cast<StarPicker *>(m_stars)->setRating(rating);
    updateState();
    Q_EMIT ratingChanged(rating);
}

QString ReviewDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

void ReviewDialog::showOwnReview(const Review &review)
{
    m_replaces = true;
    const QString when = relativeTime(
        parseTimestamp(review.updatedAt.isEmpty() ? review.createdAt : review.updatedAt));
    m_ownReview->setText(
        tr("You have reviewed this post (%1). Sending changes your review; it still counts once.")
            .arg(when));
    m_ownReview->show();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Update review"));
    // Whatever the user chose before the list arrived stays theirs.
    if (m_rating == 0 && m_comment->toPlainText().isEmpty()) {
        setRating(review.rating);
        m_comment->setPlainText(review.comment);
        m_comment->moveCursor(QTextCursor::End);
    }
}

void ReviewDialog::updateState()
{
    const QString description
        = m_rating > 0 ? tr("%n of 5 stars", nullptr, m_rating) : tr("No rating chosen");
    m_ratingText->setText(description);
    m_stars->setAccessibleDescription(description);
    const qsizetype length = m_comment->toPlainText().size();
    const QLocale locale;
    m_counter->setText(
        tr("%1/%2").arg(locale.toString(length), locale.toString(Limits::CommentMax)));
    // Shown once the limit is in sight, and for as long as the comment is over it.
    m_counter->setVisible(length >= Limits::CommentMax * 8 / 10);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_rating >= Limits::RatingMin && length <= Limits::CommentMax);
}

void ReviewDialog::loadReviews()
{
    m_reviewsStatus->setText(tr("Loading reviews…"));
    m_session->listReviews(m_postId, this, [this](const Reply &reply) {
        m_loaded = true;
        if (!reply.ok()) {
            m_reviewsStatus->setText(
                tr("The reviews could not be loaded: %1").arg(reply.error().message));
            return;
        }
        const QJsonArray array = reply.result().value(QStringLiteral("reviews")).toArray();
        for (const QJsonValue &value : array) {
            const Review review = Review::fromJson(value.toObject());
            if (review.author.id == m_session->user().id && !m_replaces)
                showOwnReview(review);
            QString text = tr("%1  %2 · %3")
                               .arg(starsText(review.rating), review.author.username,
                                   relativeTime(parseTimestamp(review.createdAt)));
            if (!review.comment.isEmpty())
                text += QLatin1Char('\n') + review.comment;
            auto *item = new QListWidgetItem(text, m_reviews);
            item->setData(Qt::AccessibleTextRole,
                tr("%1 gave %n star(s): %2", nullptr, review.rating)
                    .arg(review.author.username, review.comment));
        }
        // The list stays, empty or not, so the dialog does not change its shape.
        m_reviewsStatus->setText(array.isEmpty() ? tr("No reviews yet.") : QString());
        m_reviewsStatus->setVisible(array.isEmpty());
    });
}

} // namespace Hubbub::Client
