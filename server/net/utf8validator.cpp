#include "net/utf8validator.h"

#include <cstring>

namespace Hubbub::Server {

bool Utf8Validator::feed(QByteArrayView bytes)
{
    if (m_failed)
        return false;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        if (m_needed == 0) {
            // Requests are mostly ASCII: skip it eight bytes at a time.
            while (end - p >= 8) {
                quint64 word;
                std::memcpy(&word, p, sizeof word);
                if (word & 0x8080808080808080ULL)
                    break;
                p += 8;
            }
            if (p == end)
                break;
            const unsigned char lead = *p++;
            if (lead < 0x80)
                continue;
            // The lead byte fixes how many bytes follow and, for the first of them, the range
            // that excludes overlong forms (E0, F0), surrogates (ED) and values past U+10FFFF
            // (F4).
            m_low = 0x80;
            m_high = 0xbf;
            if (lead >= 0xc2 && lead <= 0xdf) {
                m_needed = 1;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                m_needed = 2;
                if (lead == 0xe0)
                    m_low = 0xa0;
                else if (lead == 0xed)
                    m_high = 0x9f;
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                m_needed = 3;
                if (lead == 0xf0)
                    m_low = 0x90;
                else if (lead == 0xf4)
                    m_high = 0x8f;
            } else {
                m_failed = true; // 80-C1 (continuation or overlong lead) and F5-FF
                return false;
            }
            continue;
        }
        const unsigned char next = *p++;
        if (next < m_low || next > m_high) {
            m_failed = true;
            return false;
        }
        m_low = 0x80;
        m_high = 0xbf;
        --m_needed;
    }
    return true;
}

} // namespace Hubbub::Server
