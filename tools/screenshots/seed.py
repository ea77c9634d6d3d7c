# Seeds a Hubbub server with a few people, posts, channels and messages in French or Korean
# for the screenshots (tools/screenshots/make.sh). Standard library only: a minimal
# WebSocket client. Usage: seed.py PORT fr|ko
import base64, json, os, socket, struct, sys, time

class Ws:
    def __init__(self, port):
        self.s = socket.create_connection(('127.0.0.1', port))
        key = base64.b64encode(os.urandom(16)).decode()
        self.s.sendall((f'GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n'
                        f'Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n').encode())
        buf = b''
        while b'\r\n\r\n' not in buf:
            buf += self.s.recv(4096)
        assert b' 101 ' in buf.split(b'\r\n')[0], buf
        self.buf = buf.split(b'\r\n\r\n', 1)[1]
        self.id = 0
    def send(self, obj):
        data = json.dumps(obj).encode()
        mask = os.urandom(4)
        n = len(data)
        hdr = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack('!H', n))
        self.s.sendall(hdr + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
    def read(self, k):
        while len(self.buf) < k:
            self.buf += self.s.recv(65536)
        out, self.buf = self.buf[:k], self.buf[k:]
        return out
    def frame(self):
        b0, b1 = self.read(2)
        n = b1 & 0x7f
        if n == 126: n = struct.unpack('!H', self.read(2))[0]
        elif n == 127: n = struct.unpack('!Q', self.read(8))[0]
        return json.loads(self.read(n))
    def req(self, type_, **params):
        self.id += 1
        self.send(dict(type=type_, id=self.id, **params))
        while True:
            f = self.frame()
            if f.get('type') == 'reply' and f.get('id') == self.id:
                assert f['ok'], f
                return f

def user(port, name):
    w = Ws(port)
    w.req('hello', protocol=1, client='seed/1')
    w.req('auth.register', username=name, password='correct horse')
    return w

port = int(sys.argv[1]); lang = sys.argv[2]
if lang == 'fr':
    people = ['camille', 'louis', 'ines']
    posts = [('camille', 'Pique-nique samedi au parc', 'Qui vient ? J\u2019apporte une tarte aux pommes et des jus. Rendez-vous à midi près du kiosque.'),
             ('louis', 'Imprimante du deuxième étage', 'Elle est de nouveau en panne : pensez à utiliser celle de l\u2019accueil en attendant le technicien.'),
             ('ines', 'Nouveau café en bas de la rue', 'Très bon flat white et des croissants encore chauds le matin. Je recommande !')]
    channels = [('café', 'Pauses, sorties et tout le reste'), ('projets', 'Suivi des projets en cours')]
    chat = [('camille', 'Bonjour à tous ! Quelqu\u2019un a vu mes clés ?'), ('louis', 'Elles sont sur la table de la cuisine.'),
            ('ines', 'Merci Louis, tu nous sauves encore une fois 😄'), ('camille', 'Parfait, merci ! Café à 15 h ?')]
else:
    people = ['minjun', 'seoyeon', 'jiho']
    posts = [('minjun', '토요일 공원 소풍', '같이 가실 분 있나요? 김밥이랑 과일은 제가 챙겨 갈게요. 12시에 정문 앞에서 만나요.'),
             ('seoyeon', '3층 프린터 고장', '프린터가 또 고장 났어요. 기사님 오시기 전까지 1층 프린터를 써 주세요.'),
             ('jiho', '회사 앞 새 카페', '라테가 정말 맛있고 아침에는 갓 구운 빵도 있어요. 추천해요!')]
    channels = [('프로젝트', '진행 중인 프로젝트 이야기'), ('잡담', '아무 이야기나 편하게')]
    chat = [('minjun', '안녕하세요! 혹시 제 열쇠 보신 분 있나요?'), ('seoyeon', '부엌 탁자 위에 있어요.'),
            ('jiho', '역시 서연 님 최고예요 😄'), ('minjun', '감사합니다! 3시에 커피 한잔 어때요?')]
ws = {p: user(port, p) for p in people}
for who, title, content in posts:
    ws[who].req('post.create', title=title, content=content, nonce=os.urandom(8).hex())
    time.sleep(0.05)
ids = []
for name, topic in channels:
    ids.append(ws[people[0]].req('channel.create', name=name, topic=topic)['channel']['id'])
ws[people[1]].req('review.create', postId=1, rating=5, comment='')
ws[people[2]].req('review.create', postId=1, rating=4, comment='')
for who, text in chat:
    ws[who].req('chat.send', channelId=ids[0] if lang == 'fr' else 1, text=text, nonce=os.urandom(8).hex())
print('seeded', lang, ids)
