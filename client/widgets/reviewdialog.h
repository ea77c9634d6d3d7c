#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace Hubbub {
struct Review;
}

namespace Hubbub::Client {

class Session;

//! Rates a post with 1–5 stars (mouse or keyboard) and an optional comment, above the reviews
//! the post already has. A review is one per person and post: when the user has reviewed the
//! post already, the dialog starts from that review and says that sending replaces it. The
//! caller sends the review when the dialog is accepted.
class ReviewDialog final : public QDialog
{
    Q_OBJECT
public:
    ReviewDialog(
        Session *session, qint64 postId, const QString &postTitle, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ReviewDialog)

    qint64 postId() const { return m_postId; }
    int rating() const { return m_rating; }
    void setRating(int rating);
    QString comment() const;
    //! The star picker (objectName "reviewStars"): arrows, Home/End and 1–5 change the rating.
    QWidget *starPicker() const { return m_stars; }
    QPlainTextEdit *commentEdit() const { return m_comment; }
    QListWidget *reviewList() const { return m_reviews; }
    //! Whether the existing reviews have arrived (or failed to).
    bool reviewsLoaded() const { return m_loaded; }
    //! Whether the user has a review of this post that sending will replace.
    bool replacesReview() const { return m_replaces; }

Q_SIGNALS:
    void ratingChanged(int rating);

private:
    void loadReviews();
    //! Starts from the user's own review, unless they have begun another meanwhile.
    void showOwnReview(const Review &review);
    void updateState();

    Session *m_session;
    qint64 m_postId;
    int m_rating = 0;
    bool m_loaded = false;
    bool m_replaces = false;
    QWidget *m_stars;
    QLabel *m_ownReview;
    QLabel *m_ratingText;
    QPlainTextEdit *m_comment;
    QLabel *m_counter;
    QLabel *m_reviewsStatus;
    QListWidget *m_reviews;
    QDialogButtonBox *m_buttons;
};

} // namespace Hubbub::Client
