<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CommandLine</name>
    <message>
        <source>Hubbub feed and chat server</source>
        <translation>Hubbub 피드·채팅 서버</translation>
    </message>
    <message>
        <source>Address to listen on (default: all).</source>
        <translation>연결을 받을 주소 (기본값: 전체).</translation>
    </message>
    <message>
        <source>Port (default 7300; 0 picks a free one).</source>
        <translation>포트 (기본값 7300, 0이면 빈 포트를 골라요).</translation>
    </message>
    <message>
        <source>full: fsync every commit (default); normal: faster, may lose the last commits on power loss.</source>
        <translation>full: 커밋할 때마다 fsync (기본값), normal: 더 빠르지만 정전 시 마지막 커밋을 잃을 수 있어요.</translation>
    </message>
    <message>
        <source>Events kept for catching up after a reconnect (default 100000).</source>
        <translation>다시 연결한 뒤 따라잡기 위해 보관할 이벤트 수 (기본값 100000).</translation>
    </message>
    <message>
        <source>Make USERNAME an admin and exit.</source>
        <translation>USERNAME을 관리자로 만들고 끝내요.</translation>
    </message>
    <message>
        <source>Log every connection and the type of every request.</source>
        <translation>모든 연결과 모든 요청의 유형을 기록해요.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>예상하지 못한 인수 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--host: &apos;%1&apos; is not an IP address</source>
        <translation>--host: &apos;%1&apos;은(는) IP 주소가 아니에요</translation>
    </message>
    <message>
        <source>--port: &apos;%1&apos; is not a port number</source>
        <translation>--port: &apos;%1&apos;은(는) 포트 번호가 아니에요</translation>
    </message>
    <message>
        <source>--durability must be full or normal</source>
        <translation>--durability는 full 또는 normal이어야 해요</translation>
    </message>
    <message>
        <source>--event-retention must be a whole number of at least 1</source>
        <translation>--event-retention은 1 이상의 정수여야 해요</translation>
    </message>
    <message>
        <source>no writable data folder; pass --db FILE</source>
        <translation>쓸 수 있는 데이터 폴더가 없어요. --db FILE을 지정하세요</translation>
    </message>
    <message>
        <source>the folder of %1 does not exist</source>
        <translation>%1의 폴더가 없어요</translation>
    </message>
    <message>
        <source>there is no database at %1</source>
        <translation>%1에 데이터베이스가 없어요</translation>
    </message>
    <message>
        <source>on: wss://, TLS 1.2 or newer (default); off: plain ws://, for a trusted network or a proxy that does TLS.</source>
        <translation>on: wss://, TLS 1.2 이상 (기본값). off: 암호화하지 않은 ws://, 믿을 수 있는 네트워크나 TLS를 처리하는 프록시 뒤에서만 써요.</translation>
    </message>
    <message>
        <source>PEM certificate (chain) to serve. Default: a self-signed one made on the first start beside the database. Read again on SIGHUP.</source>
        <translation>내보일 PEM 인증서(또는 체인). 기본값: 처음 시작할 때 데이터베이스 옆에 만드는 자체 서명 인증서. SIGHUP을 받으면 다시 읽어요.</translation>
    </message>
    <message>
        <source>PEM private key of --tls-cert. Read again on SIGHUP.</source>
        <translation>--tls-cert의 PEM 개인 키. SIGHUP을 받으면 다시 읽어요.</translation>
    </message>
    <message>
        <source>The server&apos;s name, as people on the network see it (default: the host name).</source>
        <translation>네트워크에서 사람들이 보는 서버 이름 (기본값: 호스트 이름).</translation>
    </message>
    <message>
        <source>Do not announce the server on the local network.</source>
        <translation>로컬 네트워크에 서버를 알리지 않아요.</translation>
    </message>
    <message>
        <source>UDP port of the announcements on the local network (default 7300).</source>
        <translation>로컬 네트워크 알림에 쓰는 UDP 포트 (기본값 7300).</translation>
    </message>
    <message>
        <source>--tls must be on or off</source>
        <translation>--tls는 on 또는 off여야 해요</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert와 --tls-key는 함께 써야 해요</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key need TLS on</source>
        <translation>--tls-cert와 --tls-key는 TLS가 켜져 있어야 해요</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>%1을(를) 읽을 수 없어요</translation>
    </message>
    <message>
        <source>--name must be at most 63 characters, none of them control characters</source>
        <translation>--name은 제어 문자 없이 63자 이하여야 해요</translation>
    </message>
    <message>
        <source>--discovery-port: &apos;%1&apos; is not a port number</source>
        <translation>--discovery-port: &apos;%1&apos;은(는) 포트 번호가 아니에요</translation>
    </message>
    <message>
        <source>open: anyone may create an account (default); invite: only with an invite code from an admin; closed: only existing users log in.</source>
        <translation>open: 누구나 계정을 만들 수 있어요 (기본값). invite: 관리자가 준 초대 코드가 있어야 해요. closed: 이미 있는 사용자만 로그인해요.</translation>
    </message>
    <message>
        <source>--registration must be open, invite or closed</source>
        <translation>--registration은 open, invite 또는 closed여야 해요</translation>
    </message>
    <message>
        <source>Serve /metrics (Prometheus) and /healthz over HTTP on this port (default: off).</source>
        <translation>이 포트에서 HTTP로 /metrics(Prometheus)와 /healthz를 제공해요 (기본값: 꺼짐).</translation>
    </message>
    <message>
        <source>Address of the metrics port (default 127.0.0.1). Anyone who can reach it can read the metrics.</source>
        <translation>메트릭 포트의 주소 (기본값 127.0.0.1). 이 포트에 접속할 수 있는 사람은 누구나 메트릭을 읽을 수 있어요.</translation>
    </message>
    <message>
        <source>--metrics-port: &apos;%1&apos; is not a port number</source>
        <translation>--metrics-port: &apos;%1&apos;은(는) 포트 번호가 아니에요</translation>
    </message>
    <message>
        <source>--metrics-address needs --metrics-port</source>
        <translation>--metrics-address는 --metrics-port와 함께 써야 해요</translation>
    </message>
    <message>
        <source>--metrics-address: &apos;%1&apos; is not an IP address</source>
        <translation>--metrics-address: &apos;%1&apos;은(는) IP 주소가 아니에요</translation>
    </message>
    <message>
        <source>SQLite database file, or a PostgreSQL database as postgresql://USER@HOST:PORT/DBNAME, which any number of instances may share (the password from PGPASSFILE or PGPASSWORD, never here).</source>
        <translation>SQLite 데이터베이스 파일, 또는 postgresql://USER@HOST:PORT/DBNAME 형식의 PostgreSQL 데이터베이스예요. PostgreSQL은 여러 인스턴스가 함께 쓸 수 있어요(비밀번호는 여기가 아니라 PGPASSFILE이나 PGPASSWORD에서 읽어요).</translation>
    </message>
    <message>
        <source>With PostgreSQL: the folder for uploaded files and the self-signed certificate; instances of one database share it (default: the user&apos;s data folder).</source>
        <translation>PostgreSQL을 쓸 때: 업로드된 파일과 자체 서명 인증서를 두는 폴더예요. 같은 데이터베이스의 인스턴스들이 함께 써요(기본값: 사용자의 데이터 폴더).</translation>
    </message>
    <message>
        <source>no writable data folder; pass --data-dir DIR</source>
        <translation>쓸 수 있는 데이터 폴더가 없어요. --data-dir DIR을 지정하세요</translation>
    </message>
    <message>
        <source>--data-dir is for PostgreSQL; an SQLite database keeps its files beside it</source>
        <translation>--data-dir은 PostgreSQL용이에요. SQLite 데이터베이스는 파일을 바로 옆에 둬요</translation>
    </message>
    <message>
        <source>Copy the SQLite database FILE (with its files and certificate) into the empty PostgreSQL database of --db, check it row by row, and exit.</source>
        <translation>SQLite 데이터베이스 FILE(파일과 인증서 포함)을 --db의 빈 PostgreSQL 데이터베이스로 복사하고, 행마다 확인한 뒤 끝내요.</translation>
    </message>
    <message>
        <source>--migrate-from copies into PostgreSQL: pass --db postgresql://…</source>
        <translation>--migrate-from은 PostgreSQL로 복사해요. --db postgresql://…을 지정하세요</translation>
    </message>
</context>
<context>
    <name>DeleteConfirmation</name>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli</name>
    <message>
        <source>Show the help of hubbub-cli or of a command.</source>
        <translation>hubbub-cli나 명령의 도움말을 보여줘요.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>버전을 보여줘요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::AccountCommands</name>
    <message>
        <source>%1 can be read by other users of this computer; chmod 600 %1 makes it yours alone.</source>
        <translation>%1은(는) 이 컴퓨터의 다른 사용자도 읽을 수 있어요. chmod 600 %1로 나만 읽게 할 수 있어요.</translation>
    </message>
    <message>
        <source>No password: standard input is not a terminal to ask at. Set %1 or use a password file (&quot;-&quot; for standard input).</source>
        <translation>비밀번호가 없어요. 표준 입력이 터미널이 아니라서 물어볼 수 없어요. %1을 설정하거나 비밀번호 파일을 쓰세요(표준 입력은 &quot;-&quot;).</translation>
    </message>
    <message>
        <source>Once more: </source>
        <translation>한 번 더: </translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>두 비밀번호가 달라요.</translation>
    </message>
    <message>
        <source>No password was typed.</source>
        <translation>비밀번호를 입력하지 않았어요.</translation>
    </message>
    <message>
        <source>[admin]</source>
        <translation>[관리자]</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>%1에 %2(으)로 로그인했어요.</translation>
    </message>
    <message>
        <source>Sign in as &lt;name&gt; (required).</source>
        <translation>&lt;name&gt;(으)로 로그인해요(필수).</translation>
    </message>
    <message>
        <source>Read the password from the first line of &lt;file&gt; (&quot;-&quot;: standard input).</source>
        <translation>&lt;file&gt;의 첫 줄에서 비밀번호를 읽어요(&quot;-&quot;는 표준 입력).</translation>
    </message>
    <message>
        <source>Create the account (on a server that lets you) instead of signing in.</source>
        <translation>로그인하는 대신 계정을 만들어요(허용하는 서버에서).</translation>
    </message>
    <message>
        <source>The invite code an admin gave you, with --create-account on a server that takes new accounts by invitation.</source>
        <translation>관리자가 준 초대 코드예요. 초대로만 새 계정을 받는 서버에서 --create-account와 함께 써요.</translation>
    </message>
    <message>
        <source>Trust the server&apos;s self-signed certificate whose SHA-256 fingerprint is &lt;sha256&gt;, as hubbub-server prints it.</source>
        <translation>SHA-256 지문이 &lt;sha256&gt;인 서버의 자체 서명 인증서를 신뢰해요(hubbub-server가 출력하는 그대로).</translation>
    </message>
    <message>
        <source>After signing in with a one-time code from an admin: read the new password from &lt;file&gt; (else HUBBUB_NEW_PASSWORD, else a prompt).</source>
        <translation>관리자가 준 일회용 코드로 로그인한 뒤 새 비밀번호를 &lt;file&gt;에서 읽어요(없으면 HUBBUB_NEW_PASSWORD, 그것도 없으면 입력 요청).</translation>
    </message>
    <message>
        <source>Sign in and keep the token for the next commands.</source>
        <translation>로그인하고 다음 명령을 위해 토큰을 보관해요.</translation>
    </message>
    <message>
        <source>The password comes from the prompt (without echo), the environment variable HUBBUB_PASSWORD, or --password-file; never from the command line. The token is kept in the system&apos;s keychain (else a file only you can read), or in --config&apos;s folder. hubbub-cli is a session of its own on the server, apart from the app&apos;s.</source>
        <translation>비밀번호는 입력 요청(화면에 표시되지 않아요), 환경 변수 HUBBUB_PASSWORD, --password-file에서 받아요. 명령줄에서는 절대 받지 않아요. 토큰은 시스템 키체인(없으면 나만 읽을 수 있는 파일)이나 --config 폴더에 보관해요. hubbub-cli는 서버에서 앱과 별개인 자체 세션이에요.</translation>
    </message>
    <message>
        <source>login needs --user NAME.</source>
        <translation>login에는 --user NAME이 필요해요.</translation>
    </message>
    <message>
        <source>--trust-fingerprint needs a SHA-256 fingerprint: 32 hex pairs joined by colons.</source>
        <translation>--trust-fingerprint에는 SHA-256 지문이 필요해요. 콜론으로 이은 16진수 32쌍이에요.</translation>
    </message>
    <message>
        <source>Password for %1 on %2: </source>
        <translation>%2의 %1 비밀번호: </translation>
    </message>
    <message>
        <source>Trust this certificate? [y/N] </source>
        <translation>이 인증서를 신뢰할까요? [y/N] </translation>
    </message>
    <message>
        <source>The certificate of %1 has changed.</source>
        <translation>%1의 인증서가 바뀌었어요.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted.</source>
        <translation>%1의 인증서를 신뢰하지 않아요.</translation>
    </message>
    <message>
        <source>You signed in with a one-time code. New password: </source>
        <translation>일회용 코드로 로그인했어요. 새 비밀번호: </translation>
    </message>
    <message>
        <source>Only forget the token here, without telling the server (when it cannot be reached; the session stays valid until it expires or is signed out from another device).</source>
        <translation>서버에 알리지 않고 여기서 토큰만 잊어요(서버에 연결할 수 없을 때. 세션은 만료되거나 다른 기기에서 로그아웃할 때까지 유효해요).</translation>
    </message>
    <message>
        <source>Sign out: end this session on the server and forget the token.</source>
        <translation>로그아웃: 서버에서 이 세션을 끝내고 토큰을 잊어요.</translation>
    </message>
    <message>
        <source>Forgot the token for %1.</source>
        <translation>%1의 토큰을 잊었어요.</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>%1에서 로그아웃했어요.</translation>
    </message>
    <message>
        <source>Show who is signed in, on which server.</source>
        <translation>누가 어느 서버에 로그인했는지 보여줘요.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2의 %1</translation>
    </message>
    <message>
        <source>Token kept in %1.</source>
        <translation>토큰 보관 위치: %1.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::AdminCommands</name>
    <message>
        <source>There is no user named %1.</source>
        <translation>%1(이)라는 사용자가 없어요.</translation>
    </message>
    <message>
        <source>List every account.</source>
        <translation>모든 계정을 나열해요.</translation>
    </message>
    <message>
        <source>admin commands</source>
        <translation>관리자 명령</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>비활성화됨</translation>
    </message>
    <message>
        <source>one-time code</source>
        <translation>일회용 코드</translation>
    </message>
    <message>
        <source>online</source>
        <translation>온라인</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>세션 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>USER</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>A username or a user id.</source>
        <translation>사용자 이름이나 사용자 ID.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is disabled; %n session(s) signed out.</source>
        <translation>
            <numerusform>%1 님을 비활성화했어요. 세션 %n개를 로그아웃했어요.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 님이 다시 로그인할 수 있어요.</translation>
    </message>
    <message>
        <source>One-time code for %1: %2 (valid until %3). Give it to them in person.</source>
        <translation>%1 님의 일회용 코드: %2 (%3까지 유효해요). 직접 전해 주세요.</translation>
    </message>
    <message>
        <source>Make someone an admin or a member.</source>
        <translation>누군가를 관리자나 멤버로 정해요.</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>admin or member.</source>
        <translation>admin 또는 member.</translation>
    </message>
    <message>
        <source>ROLE must be admin or member.</source>
        <translation>역할은 admin 또는 member여야 해요.</translation>
    </message>
    <message>
        <source>%1 is an admin.</source>
        <translation>%1 님은 관리자예요.</translation>
    </message>
    <message>
        <source>%1 is a member.</source>
        <translation>%1 님은 멤버예요.</translation>
    </message>
    <message>
        <source>Valid for &lt;n&gt; hours (1 to 720, default 168: a week).</source>
        <translation>&lt;n&gt;시간 동안 유효해요(1~720, 기본값 168: 일주일).</translation>
    </message>
    <message>
        <source>Make an invite code for a new account.</source>
        <translation>새 계정용 초대 코드를 만들어요.</translation>
    </message>
    <message>
        <source>invites</source>
        <translation>초대</translation>
    </message>
    <message>
        <source>Invite code: %1 (valid until %2).</source>
        <translation>초대 코드: %1 (%2까지 유효해요).</translation>
    </message>
    <message>
        <source>List the open invites and those used or expired lately.</source>
        <translation>열린 초대와 최근에 쓰였거나 만료된 초대를 나열해요.</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>만든 사람: %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>%1까지</translation>
    </message>
    <message>
        <source>used by %1</source>
        <translation>사용한 사람: %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>열림</translation>
    </message>
    <message>
        <source>Withdraw an unused invite.</source>
        <translation>쓰지 않은 초대를 취소해요.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>The invite&apos;s id (invite list).</source>
        <translation>초대 ID(invite list).</translation>
    </message>
    <message>
        <source>Invite %1 withdrawn.</source>
        <translation>초대 %1을 취소했어요.</translation>
    </message>
    <message>
        <source>The &lt;n&gt; newest entries (1 to 500, default 100).</source>
        <translation>가장 최근 항목 &lt;n&gt;개(1~500, 기본값 100).</translation>
    </message>
    <message>
        <source>Only entries older than the entry &lt;id&gt;.</source>
        <translation>&lt;id&gt; 항목보다 오래된 항목만.</translation>
    </message>
    <message>
        <source>Show the audit log of what admins changed, newest first.</source>
        <translation>관리자가 바꾼 내용의 감사 기록을 최신순으로 보여줘요.</translation>
    </message>
    <message>
        <source>the audit log</source>
        <translation>감사 기록</translation>
    </message>
    <message>
        <source>Disable an account and sign out all its devices.</source>
        <translation>계정을 비활성화하고 모든 기기에서 로그아웃해요.</translation>
    </message>
    <message>
        <source>Let a disabled account sign in again.</source>
        <translation>비활성화된 계정이 다시 로그인할 수 있게 해요.</translation>
    </message>
    <message>
        <source>Replace someone&apos;s password with a one-time code.</source>
        <translation>누군가의 비밀번호를 일회용 코드로 바꿔요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::CliSettings</name>
    <message>
        <source>the system&apos;s keychain (service &quot;%1&quot;)</source>
        <translation>시스템 키체인(서비스 &quot;%1&quot;)</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::CommandLine</name>
    <message>
        <source>Keep the sign-in and settings in &lt;dir&gt; (hubbub-cli.ini, secrets.json) instead of the system&apos;s settings and keychain; also the environment variable HUBBUB_CLI_CONFIG.</source>
        <translation>로그인 정보와 설정을 시스템 설정·키체인 대신 &lt;dir&gt;(hubbub-cli.ini, secrets.json)에 보관해요. 환경 변수 HUBBUB_CLI_CONFIG로도 정할 수 있어요.</translation>
    </message>
    <message>
        <source>Print results as JSON, one value per line, and errors on standard error as JSON.</source>
        <translation>결과를 한 줄에 값 하나씩 JSON으로 출력하고, 오류도 표준 오류에 JSON으로 출력해요.</translation>
    </message>
    <message>
        <source>Give up when the server does not answer within &lt;seconds&gt; (default 15).</source>
        <translation>서버가 &lt;seconds&gt;초 안에 답하지 않으면 포기해요(기본값 15).</translation>
    </message>
    <message>
        <source>Log the connection on standard error.</source>
        <translation>연결 기록을 표준 오류에 출력해요.</translation>
    </message>
    <message>
        <source>hubbub-cli: the command-line client of Hubbub, the feed and chat of your local network.</source>
        <translation>hubbub-cli: 로컬 네트워크의 피드와 채팅 Hubbub의 명령줄 클라이언트예요.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>명령:</translation>
    </message>
    <message>
        <source>Exit codes:</source>
        <translation>종료 코드:</translation>
    </message>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>the server refused (invalid, conflict, rate limited, …) or another error</source>
        <translation>서버가 거절했거나(잘못된 값, 충돌, 요청 과다 등) 다른 오류</translation>
    </message>
    <message>
        <source>wrong command line, or input that cannot be read</source>
        <translation>잘못된 명령줄이거나 읽을 수 없는 입력</translation>
    </message>
    <message>
        <source>not signed in, or the sign-in or the token was refused</source>
        <translation>로그인하지 않았거나 로그인 또는 토큰이 거절됨</translation>
    </message>
    <message>
        <source>not found (channel, user, message, invite)</source>
        <translation>찾을 수 없음(채널, 사용자, 메시지, 초대)</translation>
    </message>
    <message>
        <source>not allowed (e.g. an admin command as a member)</source>
        <translation>허용되지 않음(예: 멤버가 관리자 명령 실행)</translation>
    </message>
    <message>
        <source>the server cannot be reached or did not answer in time</source>
        <translation>서버에 연결할 수 없거나 제때 답하지 않음</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (see login --trust-fingerprint)</source>
        <translation>서버 인증서를 신뢰하지 않음(login --trust-fingerprint 참고)</translation>
    </message>
    <message>
        <source>tail: the server no longer has the events after the state&apos;s seq</source>
        <translation>tail: 서버에 상태 파일의 seq 이후 이벤트가 더 이상 없음</translation>
    </message>
    <message>
        <source>Run &quot;hubbub-cli help COMMAND&quot; for the arguments and options of a command.</source>
        <translation>명령의 인자와 옵션은 &quot;hubbub-cli help 명령&quot;으로 볼 수 있어요.</translation>
    </message>
    <message>
        <source>One of the commands above.</source>
        <translation>위 명령 중 하나.</translation>
    </message>
    <message>
        <source>COMMAND [ARGUMENTS]</source>
        <translation>명령 [인자]</translation>
    </message>
    <message>
        <source>Exit codes: see &quot;hubbub-cli --help&quot;.</source>
        <translation>종료 코드: &quot;hubbub-cli --help&quot;를 보세요.</translation>
    </message>
    <message>
        <source>Commands of &quot;%1&quot;:</source>
        <translation>&quot;%1&quot;의 명령:</translation>
    </message>
    <message>
        <source>Run &quot;hubbub-cli help %1 COMMAND&quot; for the arguments and options of one.</source>
        <translation>각 명령의 인자와 옵션은 &quot;hubbub-cli help %1 명령&quot;으로 볼 수 있어요.</translation>
    </message>
    <message>
        <source>hubbub-cli takes no password on the command line (it would show in process lists and the shell&apos;s history): type it at the prompt, or use HUBBUB_PASSWORD or --password-file FILE.</source>
        <translation>hubbub-cli는 명령줄에서 비밀번호를 받지 않아요(프로세스 목록과 셸 기록에 보이기 때문이에요). 입력 요청에 입력하거나 HUBBUB_PASSWORD 또는 --password-file 파일을 쓰세요.</translation>
    </message>
    <message>
        <source>There is no command &quot;%1&quot;. Run &quot;hubbub-cli --help&quot; for the list.</source>
        <translation>&quot;%1&quot; 명령은 없어요. 목록은 &quot;hubbub-cli --help&quot;로 볼 수 있어요.</translation>
    </message>
    <message>
        <source>Wrong number of arguments. Usage: %1</source>
        <translation>인자 개수가 맞지 않아요. 사용법: %1</translation>
    </message>
    <message>
        <source>--server needs a wss:// or ws:// address, e.g. wss://192.168.1.10:7300</source>
        <translation>--server에는 wss:// 또는 ws:// 주소가 필요해요. 예: wss://192.168.1.10:7300</translation>
    </message>
    <message>
        <source>--timeout needs a whole number of seconds from 1 to 3600.</source>
        <translation>--timeout에는 1~3600 사이의 정수 초가 필요해요.</translation>
    </message>
    <message>
        <source>The server, e.g. wss://192.168.1.10:7300 (default: the last one signed in to). A server with several addresses: all of them, separated by commas, tried in turn.</source>
        <translation>서버, 예: wss://192.168.1.10:7300 (기본값: 마지막으로 로그인한 서버). 주소가 여러 개인 서버는 모든 주소를 쉼표로 구분해 적으면 차례로 시도해요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::Commands</name>
    <message>
        <source>%1 must be a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>%1은(는) %2~%3 사이의 정수여야 해요. &quot;%4&quot;은(는) 안 돼요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::ContentCommands</name>
    <message>
        <source>List the channels and your direct conversations.</source>
        <translation>채널과 내 다이렉트 대화를 나열해요.</translation>
    </message>
    <message>
        <source>Publish a post in the feed.</source>
        <translation>피드에 게시물을 올려요.</translation>
    </message>
    <message>
        <source>Example, from cron: df -h | hubbub-cli post &quot;Disk space on $(hostname)&quot; -</source>
        <translation>예(cron에서): df -h | hubbub-cli post &quot;Disk space on $(hostname)&quot; -</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>The post&apos;s title.</source>
        <translation>게시물 제목.</translation>
    </message>
    <message>
        <source>[TEXT|-]</source>
        <translation>[내용|-]</translation>
    </message>
    <message>
        <source>Its text (Markdown); &quot;-&quot; reads it from standard input.</source>
        <translation>내용(Markdown). &quot;-&quot;이면 표준 입력에서 읽어요.</translation>
    </message>
    <message>
        <source>Posted [%1] %2.</source>
        <translation>게시했어요 [%1] %2.</translation>
    </message>
    <message>
        <source>Send a message to a channel or a person.</source>
        <translation>채널이나 사람에게 메시지를 보내요.</translation>
    </message>
    <message>
        <source>CHANNEL</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>#name or name, a channel id, or @user for a direct conversation.</source>
        <translation>#이름 또는 이름, 채널 ID, 다이렉트 대화는 @사용자.</translation>
    </message>
    <message>
        <source>TEXT|-</source>
        <translation>내용|-</translation>
    </message>
    <message>
        <source>The message (Markdown); &quot;-&quot; reads it from standard input.</source>
        <translation>메시지(Markdown). &quot;-&quot;이면 표준 입력에서 읽어요.</translation>
    </message>
    <message>
        <source>Sent [%1] to %2.</source>
        <translation>%2에 보냈어요 [%1].</translation>
    </message>
    <message>
        <source>Show the &lt;n&gt; newest messages (1 to 200, default 50).</source>
        <translation>가장 최근 메시지 &lt;n&gt;개를 보여줘요(1~200, 기본값 50).</translation>
    </message>
    <message>
        <source>Only messages older than the message &lt;id&gt;: the next page back.</source>
        <translation>&lt;id&gt; 메시지보다 오래된 메시지만 보여줘요. 즉 이전 페이지예요.</translation>
    </message>
    <message>
        <source>Show the latest messages of a channel or conversation.</source>
        <translation>채널이나 대화의 최근 메시지를 보여줘요.</translation>
    </message>
    <message>
        <source>No messages in %1.</source>
        <translation>%1에 메시지가 없어요.</translation>
    </message>
    <message>
        <source>Older messages: --before %1</source>
        <translation>이전 메시지: --before %1</translation>
    </message>
    <message>
        <source>Search &lt;what&gt;: all (default), messages or posts.</source>
        <translation>&lt;what&gt;에서 찾아요: all(기본값), messages, posts.</translation>
    </message>
    <message>
        <source>Only messages of &lt;channel&gt;.</source>
        <translation>&lt;channel&gt;의 메시지만.</translation>
    </message>
    <message>
        <source>At most &lt;n&gt; results (1 to 50, default 20).</source>
        <translation>결과는 최대 &lt;n&gt;개(1~50, 기본값 20).</translation>
    </message>
    <message>
        <source>Search messages and posts (on servers that can).</source>
        <translation>메시지와 게시물을 검색해요(지원하는 서버에서).</translation>
    </message>
    <message>
        <source>All words must match, in any case and with or without accents; &quot;a phrase&quot; in quotes matches the words together; word* matches the beginning of words. The newest first.</source>
        <translation>모든 단어가 맞아야 해요(대소문자와 악센트는 상관없어요). 따옴표로 묶은 &quot;구절&quot;은 단어가 붙어 있을 때 찾고, 단어*는 단어의 시작을 찾아요. 최신순이에요.</translation>
    </message>
    <message>
        <source>QUERY</source>
        <translation>검색어</translation>
    </message>
    <message>
        <source>What to look for.</source>
        <translation>찾을 내용.</translation>
    </message>
    <message>
        <source>--in must be all, messages or posts.</source>
        <translation>--in은 all, messages, posts 중 하나여야 해요.</translation>
    </message>
    <message>
        <source>search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>post</source>
        <translation>게시물</translation>
    </message>
    <message>
        <source>message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>찾은 결과가 없어요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::ExportCommand</name>
    <message>
        <source>Cannot write to standard output.</source>
        <translation>표준 출력에 쓸 수 없어요.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없어요: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n post(s) of the feed to %1.</source>
        <translation>
            <numerusform>피드의 게시물 %n개를 %1(으)로 내보냈어요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) of %1 to %2.</source>
        <translation>
            <numerusform>%1의 메시지 %n개를 %2(으)로 내보냈어요.</numerusform>
        </translation>
    </message>
    <message>
        <source>json (default) or csv.</source>
        <translation>json(기본값) 또는 csv.</translation>
    </message>
    <message>
        <source>Write to &lt;file&gt; (whole or not at all) instead of standard output.</source>
        <translation>표준 출력 대신 &lt;file&gt;에 써요(전부 쓰거나 아예 쓰지 않아요).</translation>
    </message>
    <message>
        <source>Export all of a channel, a conversation or the feed.</source>
        <translation>채널, 대화, 피드 전체를 내보내요.</translation>
    </message>
    <message>
        <source>Oldest first. JSON: an array of the messages or posts as the server sends them. CSV (RFC 4180, UTF-8): messages have the columns id, channel_id, author_id, author, author_display_name, created_at, edited_at, reply_to, text, files; posts id, author_id, author, author_display_name, created_at, updated_at, title, content, rating_average, rating_count, image_id, files (file names, one per line).</source>
        <translation>오래된 것부터 내보내요. JSON: 서버가 보내는 그대로의 메시지나 게시물 배열. CSV(RFC 4180, UTF-8): 메시지 열은 id, channel_id, author_id, author, author_display_name, created_at, edited_at, reply_to, text, files이고 게시물 열은 id, author_id, author, author_display_name, created_at, updated_at, title, content, rating_average, rating_count, image_id, files(파일 이름, 한 줄에 하나)예요.</translation>
    </message>
    <message>
        <source>CHANNEL|@user|feed</source>
        <translation>채널|@사용자|feed</translation>
    </message>
    <message>
        <source>A channel (#name, name or id), the direct conversation with @user, or the feed.</source>
        <translation>채널(#이름, 이름, ID), @사용자와의 다이렉트 대화, 또는 피드.</translation>
    </message>
    <message>
        <source>--format must be json or csv.</source>
        <translation>--format은 json 또는 csv여야 해요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::Runner</name>
    <message>
        <source>%1 Sign in again: hubbub-cli login --user NAME</source>
        <translation>%1 다시 로그인하세요: hubbub-cli login --user NAME</translation>
    </message>
    <message>
        <source>You signed in with a one-time code and have not chosen a password yet. Sign in again: hubbub-cli login --user NAME</source>
        <translation>일회용 코드로 로그인했지만 아직 비밀번호를 정하지 않았어요. 다시 로그인하세요: hubbub-cli login --user NAME</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed.</source>
        <translation>%1의 인증서가 바뀌었어요.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted.</source>
        <translation>%1의 인증서를 신뢰하지 않아요.</translation>
    </message>
    <message numerus="yes">
        <source>%1 Trying again in %n s.</source>
        <translation>
            <numerusform>%1 %n초 뒤에 다시 시도해요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed in to %1. Sign in first: hubbub-cli login --user NAME</source>
        <translation>%1에 로그인하지 않았어요. 먼저 로그인하세요: hubbub-cli login --user NAME</translation>
    </message>
    <message>
        <source>The server at %1 cannot do this: %2 (it does not announce &quot;%3&quot;).</source>
        <translation>%1 서버는 이 기능을 지원하지 않아요: %2 (&quot;%3&quot;을 알리지 않아요).</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has the SHA-256 fingerprint %1.</source>
        <translation>서버 인증서의 SHA-256 지문은 %1이에요.</translation>
    </message>
    <message>
        <source>The one trusted before was %1.</source>
        <translation>이전에 신뢰한 지문은 %1이에요.</translation>
    </message>
    <message>
        <source>If hubbub-server printed this fingerprint, trust it with: hubbub-cli login --server %1 --trust-fingerprint %2 --user NAME</source>
        <translation>hubbub-server가 출력한 지문과 같다면 다음으로 신뢰하세요: hubbub-cli login --server %1 --trust-fingerprint %2 --user NAME</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::TailCommand</name>
    <message>
        <source>Cannot read the state file %1: %2</source>
        <translation>상태 파일 %1을 읽을 수 없어요: %2</translation>
    </message>
    <message>
        <source>The state file %1 is not one hubbub-cli wrote; remove it, or give another one.</source>
        <translation>상태 파일 %1은 hubbub-cli가 쓴 파일이 아니에요. 지우거나 다른 파일을 지정하세요.</translation>
    </message>
    <message>
        <source>The state file %1 is for the server %2, not %3.</source>
        <translation>상태 파일 %1은 %3이 아니라 %2 서버의 파일이에요.</translation>
    </message>
    <message>
        <source>Keep the seq of the last line printed in &lt;file&gt;, and start after it: a script restarted with the same file misses nothing and repeats nothing.</source>
        <translation>마지막으로 출력한 줄의 seq를 &lt;file&gt;에 보관하고 그다음부터 시작해요. 같은 파일로 다시 시작한 스크립트는 빠뜨리는 것도 반복하는 것도 없어요.</translation>
    </message>
    <message>
        <source>Start with the events after &lt;seq&gt; (over the state file&apos;s).</source>
        <translation>&lt;seq&gt; 이후 이벤트부터 시작해요(상태 파일보다 우선해요).</translation>
    </message>
    <message>
        <source>Follow the server&apos;s events as JSON lines.</source>
        <translation>서버 이벤트를 JSON 줄로 따라가요.</translation>
    </message>
    <message>
        <source>The server no longer has all the events after the last one printed, or its database was replaced; its newest is %1. Start again without --since and the state file to follow from now.</source>
        <translation>서버에 마지막으로 출력한 이벤트 이후의 이벤트가 모두 남아 있지 않거나 데이터베이스가 바뀌었어요. 가장 최근 이벤트는 %1이에요. 지금부터 따라가려면 --since와 상태 파일 없이 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Cannot write to standard output.</source>
        <translation>표준 출력에 쓸 수 없어요.</translation>
    </message>
    <message>
        <source>Cannot write the state file %1: %2</source>
        <translation>상태 파일 %1에 쓸 수 없어요: %2</translation>
    </message>
    <message>
        <source>One line per event, flushed at once: {&quot;seq&quot;:N,&quot;type&quot;:&quot;message.created&quot;,&quot;data&quot;:{…}}, the data as docs/protocol.md describes each event. Without --since or a state file it starts with the events from now on. A lost connection is retried (the server&apos;s next address at once, if --server gives several; then with backoff) and caught up with sync, so no event is missed or repeated. Runs until SIGINT or SIGTERM (exit 0) or until the server refuses the token (3). Events of direct conversations of others are not shown (their seq is skipped). Example: hubbub-cli tail --state ~/.hubbub-tail | jq -r &apos;select(.type==&quot;post.created&quot;) | .data.post.title&apos;</source>
        <translation>이벤트마다 한 줄을 바로 출력해요: {&quot;seq&quot;:N,&quot;type&quot;:&quot;message.created&quot;,&quot;data&quot;:{…}}. data는 docs/protocol.md가 각 이벤트를 설명하는 그대로예요. --since나 상태 파일이 없으면 지금부터의 이벤트로 시작해요. 연결이 끊기면 다시 시도하고(--server에 주소가 여러 개면 먼저 다음 주소로 바로, 그다음엔 간격을 늘려 가며) sync로 따라잡아서, 빠지거나 반복되는 이벤트가 없어요. SIGINT나 SIGTERM(종료 코드 0), 또는 서버가 토큰을 거절할 때(3)까지 실행돼요. 다른 사람들의 다이렉트 대화 이벤트는 보이지 않아요(그 seq는 건너뛰어요). 예: hubbub-cli tail --state ~/.hubbub-tail | jq -r &apos;select(.type==&quot;post.created&quot;) | .data.post.title&apos;</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::Targets</name>
    <message>
        <source>direct conversations</source>
        <translation>다이렉트 대화</translation>
    </message>
    <message>
        <source>There is no user named %1.</source>
        <translation>%1(이)라는 사용자가 없어요.</translation>
    </message>
    <message>
        <source>A direct conversation needs someone other than you.</source>
        <translation>다이렉트 대화에는 나 말고 다른 사람이 필요해요.</translation>
    </message>
    <message>
        <source>You have no direct conversation with %1.</source>
        <translation>%1 님과의 다이렉트 대화가 없어요.</translation>
    </message>
    <message>
        <source>No channel named.</source>
        <translation>채널을 지정하지 않았어요.</translation>
    </message>
    <message>
        <source>conversation %1</source>
        <translation>대화 %1</translation>
    </message>
    <message>
        <source>There is no channel #%1.</source>
        <translation>#%1 채널이 없어요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Cli::Terminal</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을 읽을 수 없어요: %2</translation>
    </message>
    <message>
        <source>Standard input is not UTF-8 text.</source>
        <translation>표준 입력이 UTF-8 텍스트가 아니에요.</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation>%1은 UTF-8 텍스트가 아니에요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AccountDialog</name>
    <message>
        <source>Change &amp;password…</source>
        <translation>비밀번호 바꾸기(&amp;P)…</translation>
    </message>
    <message>
        <source>Sign out &amp;device</source>
        <translation>기기 로그아웃(&amp;D)</translation>
    </message>
    <message>
        <source>Sign out &amp;everywhere…</source>
        <translation>모든 곳에서 로그아웃(&amp;E)…</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>내 계정</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2</source>
        <translation>%2에 %1(으)로 로그인했어요</translation>
    </message>
    <message>
        <source>Signed-in devices</source>
        <translation>로그인한 기기</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>기기</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>마지막 활동</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>로그인한 때</translation>
    </message>
    <message>
        <source>End the sign-in of the selected device; it will ask for the password again.</source>
        <translation>선택한 기기의 로그인을 끝내요. 그 기기는 비밀번호를 다시 물어봐요.</translation>
    </message>
    <message>
        <source>End every sign-in of your account, this one too.</source>
        <translation>이 기기를 포함해 내 계정의 모든 로그인을 끝내요.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Changing it signs out your other devices.</source>
        <translation>비밀번호를 바꾸면 다른 기기는 로그아웃돼요.</translation>
    </message>
    <message>
        <source>Hubbub is offline; the list of devices shows when it is back.</source>
        <translation>Hubbub이 오프라인이에요. 다시 연결되면 기기 목록이 보여요.</translation>
    </message>
    <message>
        <source>Unknown app</source>
        <translation>알 수 없는 앱</translation>
    </message>
    <message>
        <source>Online now</source>
        <translation>지금 온라인</translation>
    </message>
    <message numerus="yes">
        <source>Your password is changed. %n other device(s) were signed out.</source>
        <translation>
            <numerusform>비밀번호를 바꿨어요. 다른 기기 %n대가 로그아웃됐어요.</numerusform>
        </translation>
    </message>
    <message>
        <source>The device is signed out.</source>
        <translation>기기를 로그아웃했어요.</translation>
    </message>
    <message>
        <source>Sign out everywhere?</source>
        <translation>모든 곳에서 로그아웃할까요?</translation>
    </message>
    <message>
        <source>Every device signed in to your account will be signed out, this one too. You will need your password to sign in again.</source>
        <translation>이 기기를 포함해 내 계정에 로그인한 모든 기기가 로그아웃돼요. 다시 로그인하려면 비밀번호가 필요해요.</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>모든 곳에서 로그아웃</translation>
    </message>
    <message>
        <source>%1 — Hubbub %2 on %3</source>
        <translation>%1 — %3의 Hubbub %2</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>이 기기</translation>
    </message>
    <message>
        <source>%1 — Hubbub command line %2 on %3</source>
        <translation>%1 — %3의 Hubbub 명령줄 %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AdminDialog</name>
    <message>
        <source>People</source>
        <translation>사람</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>기기</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>가입한 때</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>비밀번호 초기화(&amp;R)…</translation>
    </message>
    <message>
        <source>Invites</source>
        <translation>초대</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>만든 사람</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>만든 때</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>만료</translation>
    </message>
    <message>
        <source>&amp;New invite</source>
        <translation>새 초대(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>취소(&amp;W)</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>감사 기록</translation>
    </message>
    <message>
        <source>What</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Load &amp;older</source>
        <translation>이전 기록 불러오기(&amp;O)</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>관리</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>사람(&amp;P)</translation>
    </message>
    <message>
        <source>An invite code lets one person create an account while the server takes new accounts by invitation only. It works once, until it expires.</source>
        <translation>서버가 초대로만 새 계정을 받을 때, 초대 코드가 있으면 한 사람이 계정을 만들 수 있어요. 코드는 만료될 때까지 한 번만 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>유효 기간</translation>
    </message>
    <message numerus="yes">
        <source>Valid for %n day(s)</source>
        <translation>
            <numerusform>%n일 동안 유효</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Invites</source>
        <translation>초대(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>감사 기록(&amp;A)</translation>
    </message>
    <message>
        <source>Make an admin?</source>
        <translation>관리자로 만들까요?</translation>
    </message>
    <message>
        <source>%1 will be able to edit and delete anything, and to run this window.</source>
        <translation>%1 님은 모든 글을 고치고 지울 수 있고, 이 창도 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>Disable this account?</source>
        <translation>이 계정을 비활성화할까요?</translation>
    </message>
    <message>
        <source>%1 is signed out everywhere at once and cannot sign in until an admin enables the account again. Their posts and messages stay.</source>
        <translation>%1 님은 바로 모든 곳에서 로그아웃되고, 관리자가 계정을 다시 활성화할 때까지 로그인할 수 없어요. 쓴 글과 메시지는 남아요.</translation>
    </message>
    <message>
        <source>Reset the password?</source>
        <translation>비밀번호를 초기화할까요?</translation>
    </message>
    <message>
        <source>%1 is signed out everywhere and signs in once with a code you give them, then chooses a new password. Their old password stops working.</source>
        <translation>%1 님은 모든 곳에서 로그아웃되고, 내가 알려 준 코드로 한 번 로그인한 뒤 새 비밀번호를 정해요. 예전 비밀번호는 더 이상 안 돼요.</translation>
    </message>
    <message>
        <source>Make &amp;member</source>
        <translation>일반 회원으로(&amp;M)</translation>
    </message>
    <message>
        <source>Make &amp;admin</source>
        <translation>관리자로(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>활성화(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>비활성화(&amp;D)</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>비활성화됨</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>비밀번호 초기화됨</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>온라인</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>활성</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>관리자</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>회원</translation>
    </message>
    <message>
        <source>%1 is now an admin.</source>
        <translation>%1 님이 이제 관리자예요.</translation>
    </message>
    <message>
        <source>%1 is now a member.</source>
        <translation>%1 님이 이제 일반 회원이에요.</translation>
    </message>
    <message>
        <source>%1 is disabled and signed out everywhere.</source>
        <translation>%1 님을 비활성화하고 모든 곳에서 로그아웃했어요.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 님이 다시 로그인할 수 있어요.</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>일회용 코드</translation>
    </message>
    <message>
        <source>Give this code to %1 in person or another safe way. They sign in with it instead of a password, once, until %2, and then choose a new password.</source>
        <translation>이 코드를 %1 님에게 직접 또는 다른 안전한 방법으로 전해 주세요. %2까지 비밀번호 대신 한 번 로그인할 수 있고, 그다음 새 비밀번호를 정해요.</translation>
    </message>
    <message>
        <source>Used by %1</source>
        <translation>%1 님이 사용함</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>만료됨</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>사용 가능</translation>
    </message>
    <message>
        <source>New invite</source>
        <translation>새 초대</translation>
    </message>
    <message>
        <source>Give this code to the person you invite. They type it under &quot;Create account&quot; when signing in, once, until %1. It is not shown again.</source>
        <translation>초대할 사람에게 이 코드를 전해 주세요. 로그인할 때 &quot;계정 만들기&quot;에서 %1까지 한 번 입력할 수 있어요. 코드는 다시 보여 주지 않아요.</translation>
    </message>
    <message>
        <source>The invite is withdrawn; its code no longer works.</source>
        <translation>초대를 취소했어요. 이제 그 코드는 쓸 수 없어요.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>복사했어요</translation>
    </message>
    <message>
        <source>The server&apos;s operator</source>
        <translation>서버 운영자</translation>
    </message>
    <message>
        <source>%1 made %2 an admin</source>
        <translation>%1 님이 %2 님을 관리자로 만들었어요</translation>
    </message>
    <message>
        <source>%1 made %2 a member</source>
        <translation>%1 님이 %2 님을 일반 회원으로 바꿨어요</translation>
    </message>
    <message>
        <source>%1 disabled the account of %2</source>
        <translation>%1 님이 %2 님의 계정을 비활성화했어요</translation>
    </message>
    <message>
        <source>%1 enabled the account of %2</source>
        <translation>%1 님이 %2 님의 계정을 활성화했어요</translation>
    </message>
    <message>
        <source>%1 reset the password of %2</source>
        <translation>%1 님이 %2 님의 비밀번호를 초기화했어요</translation>
    </message>
    <message>
        <source>%1 created an invite valid until %2</source>
        <translation>%1 님이 %2까지 유효한 초대를 만들었어요</translation>
    </message>
    <message>
        <source>%1 withdrew an invite</source>
        <translation>%1 님이 초대를 취소했어요</translation>
    </message>
    <message>
        <source>%1 edited a post by %2</source>
        <translation>%1 님이 %2 님의 글을 고쳤어요</translation>
    </message>
    <message>
        <source>%1 deleted a post by %2</source>
        <translation>%1 님이 %2 님의 글을 지웠어요</translation>
    </message>
    <message>
        <source>%1 edited a message by %2</source>
        <translation>%1 님이 %2 님의 메시지를 고쳤어요</translation>
    </message>
    <message>
        <source>%1 deleted a message by %2</source>
        <translation>%1 님이 %2 님의 메시지를 지웠어요</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>관리자로 만들기</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>비활성화</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>비밀번호 초기화</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AppController</name>
    <message>
        <source>No keychain service runs on this computer, so Hubbub keeps your sign-in in a file only you can read:
%1</source>
        <translation>이 컴퓨터에는 키체인 서비스가 없어서, Hubbub이 로그인 정보를 나만 읽을 수 있는 파일에 보관해요:
%1</translation>
    </message>
    <message>
        <source>Where your sign-in is kept</source>
        <translation>로그인 정보를 보관하는 곳</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AttachmentBar</name>
    <message>
        <source>Attach a file</source>
        <translation>파일 첨부</translation>
    </message>
    <message>
        <source>Attach files (up to 100 MiB each)</source>
        <translation>파일 첨부 (파일당 최대 100MiB)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>파일 첨부</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>준비 중…</translation>
    </message>
    <message>
        <source>Waiting for the connection…</source>
        <translation>연결을 기다리는 중…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Remove this file</source>
        <translation>이 파일 제거</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::AttachmentLines</name>
    <message>
        <source>Download</source>
        <translation>다운로드</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::CertificateDialog</name>
    <message>
        <source>Certificate changed</source>
        <translation>인증서가 바뀌었어요</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>이 서버를 믿을까요?</translation>
    </message>
    <message>
        <source>The certificate of %1 is not the one you trusted before. Someone may be listening in on your connection, or the server has been given a new certificate. Ask the server&apos;s admin before you go on.</source>
        <translation>%1의 인증서가 전에 믿었던 인증서와 달라요. 누군가 연결을 엿듣고 있거나, 서버가 새 인증서를 받았을 수 있어요. 계속하기 전에 서버 관리자에게 물어보세요.</translation>
    </message>
    <message>
        <source>Trusted before (SHA-256):</source>
        <translation>전에 믿은 인증서 (SHA-256):</translation>
    </message>
    <message>
        <source>Offered now (SHA-256):</source>
        <translation>지금 받은 인증서 (SHA-256):</translation>
    </message>
    <message>
        <source>%1 has a certificate that no authority known to this computer has signed. A Hubbub server on your own network usually makes its own, so this is expected the first time.</source>
        <translation>%1의 인증서는 이 컴퓨터가 아는 인증 기관이 서명하지 않았어요. 내 네트워크의 Hubbub 서버는 보통 인증서를 직접 만들어서, 처음에는 이렇게 보여요.</translation>
    </message>
    <message>
        <source>Check that its fingerprint is the one the server shows (its admin can read it out to you):</source>
        <translation>지문이 서버가 보여 주는 것과 같은지 확인하세요 (서버 관리자가 읽어 줄 수 있어요):</translation>
    </message>
    <message>
        <source>Once trusted, Hubbub connects without asking, and warns you if the certificate ever changes.</source>
        <translation>한 번 믿으면 Hubbub은 묻지 않고 연결하고, 인증서가 바뀌면 알려 줘요.</translation>
    </message>
    <message>
        <source>It is also the fingerprint this server announces on your network. Anyone on the network could announce one, so compare it all the same.</source>
        <translation>이 서버가 네트워크에 알린 지문과도 같아요. 네트워크의 누구나 지문을 알릴 수 있으니, 그래도 비교해 보세요.</translation>
    </message>
    <message>
        <source>Careful: the server found on your network announced another fingerprint.</source>
        <translation>주의: 네트워크에서 찾은 서버는 다른 지문을 알렸어요.</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>새 인증서 믿기</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>믿고 연결하기</translation>
    </message>
    <message>
        <source>I have checked the new fingerprint with the server&apos;s admin</source>
        <translation>서버 관리자와 새 지문을 확인했어요</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ChatModel</name>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 joined</source>
        <comment>presence</comment>
        <translation>
            <numerusform>%1 님이 들어왔어요</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 left</source>
        <comment>presence</comment>
        <translation>
            <numerusform>%1 님이 나갔어요</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ChatView</name>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>텍스트 복사</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>입력 중</translation>
    </message>
    <message>
        <source>Editing message — Esc to cancel</source>
        <translation>메시지 수정 중 — 취소하려면 Esc</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>수정 취소</translation>
    </message>
    <message>
        <source># %1</source>
        <translation># %1</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>#%1에 메시지 보내기</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Messages in #%1</source>
        <translation>#%1의 메시지</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 님이 입력하고 있어요…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 님과 %2 님이 입력하고 있어요…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>여러 명이 입력하고 있어요…</translation>
    </message>
    <message>
        <source>%1 over the limit</source>
        <translation>%1자 초과</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1자 남음</translation>
    </message>
    <message>
        <source>A message has at most %1 characters.</source>
        <translation>메시지는 최대 %1자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>메시지 작업</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>보내지 않기</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>메시지 삭제</translation>
    </message>
    <message>
        <source>No messages yet. Write the first one below.</source>
        <translation>아직 메시지가 없어요. 아래에서 첫 메시지를 써 보세요.</translation>
    </message>
    <message>
        <source>Loading messages…</source>
        <translation>메시지를 불러오는 중…</translation>
    </message>
    <message>
        <source>Connecting… The messages have not loaded yet.</source>
        <translation>연결하는 중… 메시지를 아직 불러오지 못했어요.</translation>
    </message>
    <message>
        <source>Offline: the messages have not loaded yet. They will show as soon as the server answers.</source>
        <translation>오프라인: 메시지를 아직 불러오지 못했어요. 서버가 응답하면 바로 보여요.</translation>
    </message>
    <message>
        <source>Delete this message?</source>
        <translation>이 메시지를 삭제할까요?</translation>
    </message>
    <message>
        <source>“%1” will be deleted for everyone.</source>
        <translation>“%1” 메시지가 모든 사람에게서 삭제돼요.</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>%1 님에게 메시지 보내기</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>답장</translation>
    </message>
    <message>
        <source>Add reaction…</source>
        <translation>반응 추가…</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Composer</name>
    <message>
        <source>%1 is too large (%2); images may be at most %3.</source>
        <translation>%1 파일이 너무 커요(%2). 이미지는 최대 %3까지 올릴 수 있어요.</translation>
    </message>
    <message>
        <source>%1 is not a PNG, JPEG, GIF or WebP image.</source>
        <translation>%1 파일은 PNG, JPEG, GIF, WebP 이미지가 아니에요.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 파일을 읽을 수 없어요: %2</translation>
    </message>
    <message>
        <source>%1 is too large; images may be at most %2.</source>
        <translation>%1 파일이 너무 커요. 이미지는 최대 %2까지 올릴 수 있어요.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 파일이 비어 있어요.</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>이미지 (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Attach image…</source>
        <translation>이미지 첨부…</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>게시</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Post title</source>
        <translation>게시물 제목</translation>
    </message>
    <message>
        <source>What&apos;s new? (Ctrl+Enter posts)</source>
        <translation>새 소식이 있나요? (Ctrl+Enter로 게시)</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>게시물 내용</translation>
    </message>
    <message>
        <source>Attach image</source>
        <translation>이미지 첨부</translation>
    </message>
    <message>
        <source>Remove the image</source>
        <translation>이미지 제거</translation>
    </message>
    <message>
        <source>Post (Ctrl+Enter)</source>
        <translation>게시 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Replace image…</source>
        <translation>이미지 바꾸기…</translation>
    </message>
    <message>
        <source>Title %1/%2</source>
        <translation>제목 %1/%2</translation>
    </message>
    <message>
        <source>Text %1/%2</source>
        <translation>내용 %1/%2</translation>
    </message>
    <message numerus="yes">
        <source>The text is %n character(s) too long.</source>
        <translation>
            <numerusform>내용이 %n자 너무 길어요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the post a title first.</source>
        <translation>먼저 게시물 제목을 입력하세요.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Connection</name>
    <message>
        <source>The server at %1 speaks a different protocol version.</source>
        <translation>%1 서버는 다른 프로토콜 버전을 사용해요.</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>로그인하지 않았어요.</translation>
    </message>
    <message>
        <source>Can&apos;t reach server at %1.</source>
        <translation>%1 서버에 연결할 수 없어요.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s. Check the address, and that a Hubbub server runs there.</source>
        <translation>%1이(가) %2초 안에 응답하지 않았어요. 주소가 맞는지, 그곳에서 Hubbub 서버가 실행 중인지 확인하세요.</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed.</source>
        <translation>%1의 인증서가 바뀌었어요.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted yet.</source>
        <translation>%1의 인증서를 아직 믿지 않았어요.</translation>
    </message>
    <message>
        <source>Not connected: the certificate of %1 is not the one you trusted.</source>
        <translation>연결하지 않았어요: %1의 인증서가 믿었던 인증서와 달라요.</translation>
    </message>
    <message>
        <source>Not connected: you did not trust the certificate of %1.</source>
        <translation>연결하지 않았어요: %1의 인증서를 믿지 않았어요.</translation>
    </message>
    <message>
        <source>%1 presented no certificate.</source>
        <translation>%1이(가) 인증서를 보내지 않았어요.</translation>
    </message>
    <message>
        <source>An admin has disabled your account. Ask an admin to enable it again.</source>
        <translation>관리자가 내 계정을 비활성화했어요. 다시 활성화해 달라고 관리자에게 요청하세요.</translation>
    </message>
    <message>
        <source>This device was signed out, from another device or because the password changed. Sign in again.</source>
        <translation>다른 기기에서 로그아웃했거나 비밀번호가 바뀌어서 이 기기는 로그아웃됐어요. 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>An admin has reset your password. Sign in with the one-time code they give you.</source>
        <translation>관리자가 비밀번호를 초기화했어요. 관리자가 주는 일회용 코드로 로그인하세요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ConnectionStatus</name>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation>아직 보내지 않은 변경 사항</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1 as %2 · %n online</source>
        <translation>
            <numerusform>%1에 %2 님으로 연결됨 · %n명 온라인</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1에 연결하는 중…</translation>
    </message>
    <message>
        <source>Catching up with %1…</source>
        <translation>%1에서 새 소식을 받는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>%n초 후 다시 연결…</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>연결되지 않음</translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n change(s) will be sent when the connection is back</source>
        <translation>
            <numerusform>오프라인 — 다시 연결되면 변경 사항 %n개를 보내요</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n change(s)…</source>
        <translation>
            <numerusform>변경 사항 %n개 보내는 중…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent</source>
        <translation>
            <numerusform>변경 사항 %n개를 보내지 못했어요</numerusform>
        </translation>
    </message>
    <message>
        <source>This server&apos;s addresses, tried in turn: %1</source>
        <translation>이 서버의 주소(차례로 시도해요): %1</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Downloads</name>
    <message>
        <source>“%1” cannot be written.</source>
        <translation>“%1”에 쓸 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::DownloadsBar</name>
    <message>
        <source>Show in folder</source>
        <translation>폴더에서 보기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>%1 다운로드 중…</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>%1(으)로 저장됨</translation>
    </message>
    <message>
        <source>%1 was not downloaded: %2</source>
        <translation>%1을(를) 다운로드하지 못했습니다: %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::EditHistoryDialog</name>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>수정 기록</translation>
    </message>
    <message>
        <source>Versions, oldest first</source>
        <translation>버전, 오래된 순</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s), oldest first</source>
        <translation>
            <numerusform>버전 %n개, 오래된 순</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ErrorText</name>
    <message>
        <source>The server did not understand this request. A newer version of Hubbub may help.</source>
        <translation>서버가 이 요청을 이해하지 못했어요. 최신 버전의 Hubbub을 사용해 보세요.</translation>
    </message>
    <message>
        <source>Choose from %1 to %2 stars.</source>
        <translation>별을 %1~%2개 선택하세요.</translation>
    </message>
    <message>
        <source>The server refused a value in this request as not valid.</source>
        <translation>서버가 이 요청의 값 하나를 올바르지 않다며 거부했어요.</translation>
    </message>
    <message>
        <source>A post needs a title.</source>
        <translation>게시물에는 제목이 필요해요.</translation>
    </message>
    <message>
        <source>A message cannot be empty.</source>
        <translation>빈 메시지는 보낼 수 없어요.</translation>
    </message>
    <message>
        <source>A username has %1 to %2 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>사용자 이름은 글자, 숫자, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;로 %1~%2자여야 해요.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>비밀번호는 %1자 이상으로 정하세요.</translation>
    </message>
    <message>
        <source>A channel name has %1 to %2 characters and no line breaks.</source>
        <translation>채널 이름은 줄바꿈 없이 %1~%2자여야 해요.</translation>
    </message>
    <message>
        <source>The attached image is not valid. Attach it again.</source>
        <translation>첨부한 이미지가 올바르지 않아요. 다시 첨부하세요.</translation>
    </message>
    <message>
        <source>This image cannot be read. Use a PNG, JPEG, GIF or WebP file.</source>
        <translation>이 이미지를 읽을 수 없어요. PNG, JPEG, GIF, WebP 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>You are not signed in. Please sign in again.</source>
        <translation>로그인되어 있지 않아요. 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>사용자 이름 또는 비밀번호가 올바르지 않아요.</translation>
    </message>
    <message>
        <source>Only its author or an admin may change this.</source>
        <translation>작성자나 관리자만 바꿀 수 있어요.</translation>
    </message>
    <message>
        <source>This server does not accept new accounts. Ask its admin for one.</source>
        <translation>이 서버는 새 계정을 받지 않아요. 서버 관리자에게 계정을 요청하세요.</translation>
    </message>
    <message>
        <source>This no longer exists on the server.</source>
        <translation>서버에 더 이상 없는 항목이에요.</translation>
    </message>
    <message>
        <source>This post no longer exists.</source>
        <translation>이 게시물은 더 이상 없어요.</translation>
    </message>
    <message>
        <source>This message no longer exists.</source>
        <translation>이 메시지는 더 이상 없어요.</translation>
    </message>
    <message>
        <source>This channel no longer exists.</source>
        <translation>이 채널은 더 이상 없어요.</translation>
    </message>
    <message>
        <source>The image is no longer on the server. Attach it again.</source>
        <translation>이미지가 더 이상 서버에 없어요. 다시 첨부하세요.</translation>
    </message>
    <message>
        <source>This name is already taken.</source>
        <translation>이미 사용 중인 이름이에요.</translation>
    </message>
    <message>
        <source>This username is already taken.</source>
        <translation>이미 사용 중인 사용자 이름이에요.</translation>
    </message>
    <message>
        <source>A channel with this name already exists.</source>
        <translation>같은 이름의 채널이 이미 있어요.</translation>
    </message>
    <message>
        <source>This is too large for the server.</source>
        <translation>서버가 받기에는 너무 커요.</translation>
    </message>
    <message>
        <source>A title has at most %1 characters.</source>
        <translation>제목은 최대 %1자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>A post has at most %1 characters.</source>
        <translation>게시물은 최대 %1자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>A message has at most %1 characters.</source>
        <translation>메시지는 최대 %1자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>A review comment has at most %1 characters.</source>
        <translation>리뷰 댓글은 최대 %1자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>A password has at most %1 characters.</source>
        <translation>비밀번호는 최대 %1자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>A topic has at most %1 characters.</source>
        <translation>주제는 최대 %1자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>This image is too large: at most %1 MiB and %2 × %2 pixels.</source>
        <translation>이미지가 너무 커요. 최대 %1MiB, %2 × %2픽셀까지 올릴 수 있어요.</translation>
    </message>
    <message numerus="yes">
        <source>Too many requests. Try again in %n second(s).</source>
        <translation>
            <numerusform>요청이 너무 많아요. %n초 후에 다시 시도하세요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts to sign in. Try again in %n second(s).</source>
        <translation>
            <numerusform>로그인 시도가 너무 많아요. %n초 후에 다시 시도하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hubbub was away too long to catch up and loads everything again.</source>
        <translation>Hubbub이 너무 오래 연결되지 않아 모두 다시 불러와요.</translation>
    </message>
    <message>
        <source>This server speaks a different protocol version. Update Hubbub or the server.</source>
        <translation>이 서버는 다른 프로토콜 버전을 사용해요. Hubbub이나 서버를 업데이트하세요.</translation>
    </message>
    <message>
        <source>The server ran into a problem and did not do this. Try again later.</source>
        <translation>서버에 문제가 생겨서 처리하지 못했어요. 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The server refused this (%1).</source>
        <translation>서버가 요청을 거부했어요(%1).</translation>
    </message>
    <message>
        <source>Too many requests. Try again in a moment.</source>
        <translation>요청이 너무 많아요. 잠시 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Type a word or a phrase to search for.</source>
        <translation>검색할 단어나 구절을 입력해 주세요.</translation>
    </message>
    <message>
        <source>A search has at most %1 characters and %2 words.</source>
        <translation>검색어는 최대 %1자, %2단어까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>Your session has expired or was signed out. Please sign in again.</source>
        <translation>세션이 만료됐거나 로그아웃됐어요. 다시 로그인해 주세요.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>현재 비밀번호가 맞지 않아요.</translation>
    </message>
    <message>
        <source>This one-time code has expired. Ask an admin for a new one.</source>
        <translation>이 일회용 코드는 만료됐어요. 관리자에게 새 코드를 요청하세요.</translation>
    </message>
    <message>
        <source>This server takes new accounts by invitation. Type a valid invite code from an admin: each code works once, until it expires.</source>
        <translation>이 서버는 초대로만 새 계정을 받아요. 관리자가 준 올바른 초대 코드를 입력하세요. 코드는 만료될 때까지 한 번만 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>This account has been disabled. Ask an admin.</source>
        <translation>이 계정은 비활성화됐어요. 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>You cannot do this to your own account. Ask another admin.</source>
        <translation>내 계정에는 이 작업을 할 수 없어요. 다른 관리자에게 부탁하세요.</translation>
    </message>
    <message>
        <source>Only an admin can do this.</source>
        <translation>관리자만 할 수 있어요.</translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation>이 계정은 더 이상 없어요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::EventRouter</name>
    <message>
        <source>New post by %1</source>
        <translation>%1 님의 새 게시물</translation>
    </message>
    <message>
        <source>%1 in #%2</source>
        <translation>%1 님 · #%2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 님 · %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::FeedModel</name>
    <message>
        <source>%1 by %2: %3</source>
        <translation>%2 님의 %1: %3</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::FeedView</name>
    <message>
        <source>No posts yet. Write the first one above.</source>
        <translation>아직 게시물이 없어요. 위에서 첫 게시물을 써 보세요.</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>피드</translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation>게시물 삭제</translation>
    </message>
    <message>
        <source>Delete this post?</source>
        <translation>이 게시물을 삭제할까요?</translation>
    </message>
    <message>
        <source>“%1” and its reviews will be deleted for everyone.</source>
        <translation>“%1” 게시물과 리뷰가 모든 사람에게서 삭제돼요.</translation>
    </message>
    <message>
        <source>“%1” has not been sent yet; it will not be.</source>
        <translation>“%1” 게시물은 아직 보내지 않았고, 이제 보내지 않아요.</translation>
    </message>
    <message>
        <source>Nothing to do while this post is being deleted</source>
        <translation>이 게시물을 삭제하는 동안에는 할 수 있는 작업이 없어요</translation>
    </message>
    <message>
        <source>Loading posts…</source>
        <translation>게시물을 불러오는 중…</translation>
    </message>
    <message>
        <source>Connecting… The posts have not loaded yet.</source>
        <translation>연결하는 중… 게시물을 아직 불러오지 못했어요.</translation>
    </message>
    <message>
        <source>Offline: the posts have not loaded yet. They will show as soon as the server answers.</source>
        <translation>오프라인: 게시물을 아직 불러오지 못했어요. 서버가 응답하면 바로 보여요.</translation>
    </message>
    <message>
        <source>Posts, newest first. Enter reviews the current post, Space shows all of a long one; the menu key shows everything a post offers.</source>
        <translation>게시물, 최신순. Enter는 현재 게시물을 평가하고, Space는 긴 게시물을 모두 보여 줘요. 메뉴 키는 게시물에서 할 수 있는 모든 것을 보여 줘요.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Add reaction…</source>
        <translation>반응 추가…</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ImageCache</name>
    <message>
        <source>The image could not be shown.</source>
        <translation>이미지를 표시할 수 없어요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ImageViewer</name>
    <message>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Image of %1</source>
        <translation>%1 이미지</translation>
    </message>
    <message>
        <source>The image could not be loaded: %1</source>
        <translation>이미지를 불러오지 못했어요: %1</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>이미지 불러오는 중…</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::MainWindow</name>
    <message>
        <source>&amp;Hubbub</source>
        <translation>Hubbub(&amp;B)</translation>
    </message>
    <message>
        <source>Change &amp;username…</source>
        <translation>사용자 이름 바꾸기(&amp;U)…</translation>
    </message>
    <message>
        <source>Desktop &amp;notifications</source>
        <translation>데스크톱 알림(&amp;N)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>로그아웃(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Feed</source>
        <translation>피드(&amp;F)</translation>
    </message>
    <message>
        <source>New &amp;channel…</source>
        <translation>새 채널(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reconnect now</source>
        <translation>지금 다시 연결(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Hubbub</source>
        <translation>Hubbub 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>피드</translation>
    </message>
    <message>
        <source>Change username</source>
        <translation>사용자 이름 바꾸기</translation>
    </message>
    <message>
        <source>New username (%1–%2 letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;):</source>
        <translation>새 사용자 이름(글자, 숫자, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;로 %1~%2자):</translation>
    </message>
    <message>
        <source>You are now %1.</source>
        <translation>사용자 이름을 %1(으)로 바꿨어요.</translation>
    </message>
    <message>
        <source>About Hubbub</source>
        <translation>Hubbub 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hubbub %1&lt;/b&gt;&lt;p&gt;A self-hosted feed and chat for your local network.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Hubbub %1&lt;/b&gt;&lt;p&gt;로컬 네트워크를 위한 자체 호스팅 피드와 채팅이에요.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>저장되지 않음</translation>
    </message>
    <message>
        <source>S&amp;witch server or account…</source>
        <translation>서버 또는 계정 전환(&amp;W)…</translation>
    </message>
    <message>
        <source>Could not start the conversation: %1</source>
        <translation>대화를 시작할 수 없어요: %1</translation>
    </message>
    <message>
        <source>Edit &amp;profile…</source>
        <translation>프로필 편집(&amp;P)…</translation>
    </message>
    <message>
        <source>Your profile is saved.</source>
        <translation>프로필을 저장했어요.</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>검색(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Account and devices…</source>
        <translation>계정과 기기(&amp;A)…</translation>
    </message>
    <message>
        <source>Ad&amp;ministration…</source>
        <translation>관리(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::MentionCompleter</name>
    <message>
        <source>Mention someone</source>
        <translation>멘션할 사람</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::MessageDelegate</name>
    <message>
        <source>Deleting…</source>
        <translation>삭제하는 중…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장하는 중…</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(수정됨)</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>보내지 못함: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장하지 못함: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>어제</translation>
    </message>
    <message>
        <source>Go to the original message</source>
        <translation>원래 메시지로 이동</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>새 메시지</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::NewChannelDialog</name>
    <message>
        <source>New channel</source>
        <translation>새 채널</translation>
    </message>
    <message>
        <source>e.g. general</source>
        <translation>예: 일반</translation>
    </message>
    <message>
        <source>What is it about? (optional)</source>
        <translation>어떤 채널인가요? (선택)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>주제(&amp;T):</translation>
    </message>
    <message>
        <source>A channel needs a name.</source>
        <translation>채널에는 이름이 필요해요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Notifier</name>
    <message>
        <source>Hubbub</source>
        <translation>Hubbub</translation>
    </message>
    <message numerus="yes">
        <source>Hubbub — %n unread</source>
        <translation>
            <numerusform>Hubbub — 읽지 않음 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::OfflineBanner</name>
    <message>
        <source>Retry now</source>
        <translation>지금 다시 시도</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message numerus="yes">
        <source>Offline. Retrying in %n s</source>
        <translation>
            <numerusform>오프라인. %n초 후 다시 시도</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline. Connecting…</source>
        <translation>오프라인. 연결하는 중…</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>오프라인: %1</translation>
    </message>
    <message>
        <source>Choose your new password to go on.</source>
        <translation>계속하려면 새 비밀번호를 정하세요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Outbox</name>
    <message>
        <source>The saved outbox %1 is damaged: %2</source>
        <translation>저장된 보낼 항목 파일 %1이(가) 손상되었어요: %2</translation>
    </message>
    <message>
        <source>Your edit to “%1” was not saved: the post was deleted.</source>
        <translation>“%1” 수정 내용을 저장하지 못했어요: 게시물이 삭제됐어요.</translation>
    </message>
    <message>
        <source>Your review of “%1” was not saved: the post was deleted.</source>
        <translation>“%1” 리뷰를 저장하지 못했어요: 게시물이 삭제됐어요.</translation>
    </message>
    <message>
        <source>Your edit to “%1” was not saved: the message was deleted.</source>
        <translation>“%1” 수정 내용을 저장하지 못했어요: 메시지가 삭제됐어요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::PasswordDialog</name>
    <message>
        <source>New password</source>
        <translation>새 비밀번호</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>새 비밀번호 확인</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>비밀번호 바꾸기</translation>
    </message>
    <message>
        <source>Your other devices will be signed out. This one stays signed in.</source>
        <translation>다른 기기는 로그아웃되고, 이 기기는 로그인한 채로 있어요.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>현재 비밀번호</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>현재 비밀번호(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>비밀번호 바꾸기(&amp;C)</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>새 비밀번호 정하기</translation>
    </message>
    <message>
        <source>You signed in with a one-time code from an admin. Choose your own password to go on; the code no longer works.</source>
        <translation>관리자가 준 일회용 코드로 로그인했어요. 계속하려면 내 비밀번호를 정하세요. 이제 그 코드는 쓸 수 없어요.</translation>
    </message>
    <message>
        <source>&amp;Save password</source>
        <translation>비밀번호 저장(&amp;S)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>로그아웃(&amp;O)</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>%1자 이상</translation>
    </message>
    <message>
        <source>Type the new password again</source>
        <translation>새 비밀번호를 한 번 더 입력하세요</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>새 비밀번호(&amp;N):</translation>
    </message>
    <message>
        <source>Con&amp;firm:</source>
        <translation>확인(&amp;F):</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>%1자 이상의 비밀번호를 정하세요.</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same password in both fields.</source>
        <translation>두 새 비밀번호가 달라요. 두 칸에 같은 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation>새 비밀번호가 현재 비밀번호와 같아요.</translation>
    </message>
    <message>
        <source>The server did not answer, so the new password may not have been saved. Try again when Hubbub is back online.</source>
        <translation>서버가 대답하지 않아서 새 비밀번호가 저장되지 않았을 수 있어요. Hubbub이 다시 온라인이 되면 다시 해 보세요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::PostDelegate</name>
    <message>
        <source>Review…</source>
        <translation>리뷰하기…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>이미지 열기</translation>
    </message>
    <message>
        <source>No reviews yet</source>
        <translation>아직 리뷰가 없어요</translation>
    </message>
    <message>
        <source>★ %1 (%2)</source>
        <translation>★ %1 (%2)</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>삭제하는 중…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장하는 중…</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>수정됨</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>보내지 못함: %1</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>이미지 불러오는 중…</translation>
    </message>
    <message>
        <source>Image unavailable</source>
        <translation>이미지를 쓸 수 없음</translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>%1에 수정됨</translation>
    </message>
    <message>
        <source>Edited; not saved yet</source>
        <translation>수정됨, 아직 저장되지 않음</translation>
    </message>
    <message>
        <source>Click to open the image</source>
        <translation>클릭해서 이미지 열기</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>더 보기</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>접기</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::PostEditDialog</name>
    <message>
        <source>Keep the image</source>
        <translation>이미지 유지</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>이미지 없음</translation>
    </message>
    <message>
        <source>Remove the image</source>
        <translation>이미지 제거</translation>
    </message>
    <message>
        <source>Replace the image:</source>
        <translation>이미지 바꾸기:</translation>
    </message>
    <message>
        <source>Add an image:</source>
        <translation>이미지 추가:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Edit post</source>
        <translation>게시물 수정</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Choose an image file</source>
        <translation>이미지 파일 선택</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>이미지 선택</translation>
    </message>
    <message numerus="yes">
        <source>The text is %n character(s) too long.</source>
        <translation>
            <numerusform>내용이 %n자 너무 길어요.</numerusform>
        </translation>
    </message>
    <message>
        <source>A post needs a title.</source>
        <translation>게시물에는 제목이 필요해요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ProfileCard</name>
    <message>
        <source>Message</source>
        <translation>메시지 보내기</translation>
    </message>
    <message>
        <source>Edit profile…</source>
        <translation>프로필 편집…</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>관리자</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>멤버</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>온라인</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>오프라인</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ProfileDialog</name>
    <message>
        <source>Choose picture…</source>
        <translation>사진 선택…</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>사진 지우기</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>프로필 편집</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>표시 이름:</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReactionPicker</name>
    <message>
        <source>Add reaction</source>
        <translation>반응 추가</translation>
    </message>
    <message>
        <source>Any emoji, then Enter</source>
        <translation>이모지 입력 후 Enter</translation>
    </message>
    <message>
        <source>Other reaction</source>
        <translation>다른 반응</translation>
    </message>
    <message>
        <source>A reaction is an emoji or a symbol, not a word.</source>
        <translation>반응은 단어가 아니라 이모지나 기호여야 해요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Reactions</name>
    <message numerus="yes">
        <source>%n other(s)</source>
        <comment>who reacted</comment>
        <translation>
            <numerusform>%n명</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReadState</name>
    <message>
        <source>The notification setting was not saved: %1</source>
        <translation>알림 설정이 저장되지 않았어요: %1</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Reply</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>서버가 제시간에 응답하지 않았어요.</translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation>서버와의 연결이 끊어졌어요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReplyBar</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation>답장 취소</translation>
    </message>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation>답장 취소 (Esc)</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>%1님에게 답장: %2</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReplyDecorations</name>
    <message>
        <source>Message deleted</source>
        <translation>삭제된 메시지</translation>
    </message>
    <message>
        <source>%1 reacted with %2</source>
        <translation>%1님이 %2(으)로 반응함</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::ReviewDialog</name>
    <message>
        <source>Review “%1”</source>
        <translation>“%1” 리뷰</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>평점</translation>
    </message>
    <message>
        <source>Click a star, or use the arrow keys or 1–5</source>
        <translation>별을 클릭하거나 화살표 키 또는 1–5를 누르세요</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>댓글</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>댓글 (선택)</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>리뷰</translation>
    </message>
    <message>
        <source>Submit review</source>
        <translation>리뷰 등록</translation>
    </message>
    <message>
        <source>Your rating:</source>
        <translation>내 평점:</translation>
    </message>
    <message>
        <source>Reviews so far:</source>
        <translation>지금까지의 리뷰:</translation>
    </message>
    <message numerus="yes">
        <source>%n of 5 stars</source>
        <translation>
            <numerusform>별 5개 중 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>No rating chosen</source>
        <translation>평점을 고르지 않았어요</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Loading reviews…</source>
        <translation>리뷰 불러오는 중…</translation>
    </message>
    <message>
        <source>The reviews could not be loaded: %1</source>
        <translation>리뷰를 불러오지 못했어요: %1</translation>
    </message>
    <message>
        <source>%1  %2 · %3</source>
        <translation>%1  %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 gave %n star(s): %2</source>
        <translation>
            <numerusform>%1 님이 별 %n개를 줬어요: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation>아직 리뷰가 없어요.</translation>
    </message>
    <message>
        <source>You have reviewed this post (%1). Sending changes your review; it still counts once.</source>
        <translation>이 게시물을 이미 평가했어요(%1). 보내면 평가가 바뀌고, 여전히 한 번만 집계돼요.</translation>
    </message>
    <message>
        <source>Update review</source>
        <translation>평가 수정</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::SearchDelegate</name>
    <message>
        <source>Post: %1</source>
        <translation>게시물: %1</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::SearchPanel</name>
    <message>
        <source>Search messages and posts (Ctrl+K)</source>
        <translation>메시지와 게시물 검색 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Type to search messages and posts.</source>
        <translation>입력하면 메시지와 게시물을 검색해요.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>검색 중…</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>“%1”에 대한 결과가 없어요.</translation>
    </message>
    <message>
        <source>Newest first; more load as you scroll.</source>
        <translation>최신순이에요. 스크롤하면 더 불러와요.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s), newest first.</source>
        <translation>
            <numerusform>결과 %n개, 최신순.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Session</name>
    <message>
        <source>The reaction was not saved: %1</source>
        <translation>반응이 저장되지 않았어요: %1</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Sidebar</name>
    <message>
        <source>Feed</source>
        <translation>피드</translation>
    </message>
    <message>
        <source>Posts from everyone (Ctrl+1)</source>
        <translation>모든 사람의 게시물 (Ctrl+1)</translation>
    </message>
    <message>
        <source>Create a channel</source>
        <translation>채널 만들기</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>People online</source>
        <translation>접속 중인 사람</translation>
    </message>
    <message>
        <source>CHANNELS</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Feed (%1 new)</source>
        <translation>피드 (새 글 %1개)</translation>
    </message>
    <message>
        <source>ONLINE — %1</source>
        <translation>온라인 — %1</translation>
    </message>
    <message>
        <source>ONLINE</source>
        <translation>온라인</translation>
    </message>
    <message>
        <source>Not known yet.</source>
        <translation>아직 알 수 없어요.</translation>
    </message>
    <message>
        <source>Not known while offline.</source>
        <translation>오프라인에서는 알 수 없어요.</translation>
    </message>
    <message>
        <source>No channels yet.</source>
        <translation>아직 채널이 없어요.</translation>
    </message>
    <message>
        <source>Loading channels…</source>
        <translation>채널을 불러오는 중…</translation>
    </message>
    <message>
        <source>Connecting… The channels have not loaded yet.</source>
        <translation>연결하는 중… 채널을 아직 불러오지 못했어요.</translation>
    </message>
    <message>
        <source>Offline: the channels have not loaded yet.</source>
        <translation>오프라인: 채널을 아직 불러오지 못했어요.</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>다이렉트 메시지</translation>
    </message>
    <message>
        <source>DIRECT MESSAGES</source>
        <translation>다이렉트 메시지</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지 보내기</translation>
    </message>
    <message>
        <source>Double-click someone online to message them.</source>
        <translation>온라인인 사람을 두 번 클릭하면 메시지를 보낼 수 있어요.</translation>
    </message>
    <message>
        <source>Notify me about</source>
        <translation>알림 받을 항목</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>모든 메시지</translation>
    </message>
    <message>
        <source>Mentions only</source>
        <translation>멘션만</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>받지 않음</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::SignInDialog</name>
    <message>
        <source>&amp;Log in</source>
        <translation>로그인(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>계정 만들기(&amp;C)</translation>
    </message>
    <message>
        <source>Sign in to Hubbub</source>
        <translation>Hubbub 로그인</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome to Hubbub&lt;/b&gt;&lt;br&gt;Sign in to a Hubbub server on your network.</source>
        <translation>&lt;b&gt;Hubbub에 오신 것을 환영해요&lt;/b&gt;&lt;br&gt;네트워크에 있는 Hubbub 서버에 로그인하세요.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>로그인 오류</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>서버(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>사용자 이름(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>비밀번호(&amp;P):</translation>
    </message>
    <message>
        <source>Create a new account on this server with this username and password</source>
        <translation>이 사용자 이름과 비밀번호로 이 서버에 새 계정을 만들어요</translation>
    </message>
    <message>
        <source>A username has %1 to %2 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>사용자 이름은 글자, 숫자, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;로 %1~%2자여야 해요.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>비밀번호는 %1자 이상으로 정하세요.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>로그인을 취소했어요.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1에 연결하는 중…</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>%1에 로그인하는 중…</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>비밀번호 확인</translation>
    </message>
    <message>
        <source>Type the password again</source>
        <translation>비밀번호를 한 번 더 입력하세요</translation>
    </message>
    <message>
        <source>Con&amp;firm password:</source>
        <translation>비밀번호 확인(&amp;F):</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password in both fields.</source>
        <translation>두 비밀번호가 달라요. 두 칸에 같은 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>On your network:</source>
        <translation>내 네트워크에서:</translation>
    </message>
    <message>
        <source>Servers on your network</source>
        <translation>내 네트워크의 서버</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address. Use something like 192.168.1.10 or wss://192.168.1.10:7300.</source>
        <translation>&quot;%1&quot;은(는) 서버 주소가 아니에요. 192.168.1.10이나 wss://192.168.1.10:7300처럼 입력하세요.</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>초대 코드</translation>
    </message>
    <message>
        <source>Only if the server asks for one</source>
        <translation>서버가 요구할 때만</translation>
    </message>
    <message>
        <source>&amp;Invite code:</source>
        <translation>초대 코드(&amp;I):</translation>
    </message>
    <message>
        <source>The server&apos;s address. A server with several addresses: all of them, separated by commas; when one cannot be reached, the next is used.</source>
        <translation>서버 주소예요. 주소가 여러 개인 서버는 모든 주소를 쉼표로 구분해 적어요. 한 주소에 연결할 수 없으면 다음 주소를 써요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Client::Uploads</name>
    <message>
        <source>“%1” cannot be read.</source>
        <translation>“%1”을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>“%1” is larger than 100 MiB.</source>
        <translation>“%1”이(가) 100MiB보다 큽니다.</translation>
    </message>
    <message>
        <source>“%1” changed while it was being sent.</source>
        <translation>“%1”이(가) 보내는 동안 바뀌었습니다.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Codec</name>
    <message>
        <source>The field &apos;%1&apos; must be %2.</source>
        <translation>&apos;%1&apos; 필드는 %2여야 해요.</translation>
    </message>
    <message>
        <source>The frame is not valid JSON: %1.</source>
        <translation>프레임이 올바른 JSON이 아니에요: %1.</translation>
    </message>
    <message>
        <source>A frame must hold one JSON object.</source>
        <translation>프레임에는 JSON 객체가 하나 있어야 해요.</translation>
    </message>
    <message>
        <source>The frame has no &apos;type&apos; string.</source>
        <translation>프레임에 &apos;type&apos; 문자열이 없어요.</translation>
    </message>
    <message>
        <source>Unknown request type &apos;%1&apos;.</source>
        <translation>알 수 없는 요청 유형이에요: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The request has no &apos;id&apos;.</source>
        <translation>요청에 &apos;id&apos;가 없어요.</translation>
    </message>
    <message>
        <source>The &apos;id&apos; must be an integer from 0 to 2^53-1.</source>
        <translation>&apos;id&apos;는 0부터 2^53-1까지의 정수여야 해요.</translation>
    </message>
    <message>
        <source>The frame is not valid JSON: a string holds a raw control character or an unknown escape.</source>
        <translation>프레임이 올바른 JSON이 아니에요: 문자열에 제어 문자나 알 수 없는 이스케이프가 있어요.</translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; is missing.</source>
        <translation>&apos;%1&apos; 필드가 없어요.</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>an integer id</source>
        <translation>정수 ID</translation>
    </message>
    <message>
        <source>The id &apos;%1&apos; is out of range.</source>
        <translation>ID &apos;%1&apos;이(가) 범위를 벗어났어요.</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; must be a whole number.</source>
        <translation>&apos;%1&apos; 필드는 정수여야 해요.</translation>
    </message>
    <message>
        <source>The field &apos;%1&apos; must be a whole number from %2 to %3.</source>
        <translation>&apos;%1&apos; 필드는 %2부터 %3까지의 정수여야 해요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server</name>
    <message>
        <source>Only the author or an admin can change this %1.</source>
        <translation>작성자나 관리자만 이 %1을(를) 바꿀 수 있어요.</translation>
    </message>
    <message>
        <source>This channel does not exist.</source>
        <translation>없는 채널이에요.</translation>
    </message>
    <message>
        <source>The server could not store or read this: a database error occurred.</source>
        <translation>서버가 이 내용을 저장하거나 읽지 못했어요: 데이터베이스 오류가 발생했어요.</translation>
    </message>
    <message>
        <source>%1 is not a usable PostgreSQL URL: %2</source>
        <translation>%1은(는) 쓸 수 있는 PostgreSQL URL이 아니에요: %2</translation>
    </message>
    <message>
        <source>it must begin with postgresql://</source>
        <translation>postgresql://로 시작해야 해요</translation>
    </message>
    <message>
        <source>it holds a password; put it in a password file (PGPASSFILE, ~/.pgpass) or PGPASSWORD instead, where the process list does not show it</source>
        <translation>비밀번호가 들어 있어요. 대신 비밀번호 파일(PGPASSFILE, ~/.pgpass)이나 PGPASSWORD에 두세요. 그러면 프로세스 목록에 보이지 않아요</translation>
    </message>
    <message>
        <source>the path names no database</source>
        <translation>경로에 데이터베이스 이름이 없어요</translation>
    </message>
    <message>
        <source>unknown keyword %1</source>
        <translation>알 수 없는 키워드 %1</translation>
    </message>
    <message>
        <source>%1 holds a &apos;;&apos;</source>
        <translation>%1에 &apos;;&apos;이 들어 있어요</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed; on Debian and Ubuntu it is the package libqt6sql6-psql</source>
        <translation>Qt의 PostgreSQL 드라이버(QPSQL)가 설치되어 있지 않아요. Debian과 Ubuntu에서는 libqt6sql6-psql 패키지예요</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::AccountHandler</name>
    <message>
        <source>This account no longer exists.</source>
        <translation>이 계정은 더 이상 없어요.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>현재 비밀번호가 맞지 않아요.</translation>
    </message>
    <message>
        <source>Too many wrong passwords; wait before trying again.</source>
        <translation>틀린 비밀번호가 너무 많아요. 잠시 뒤에 다시 해 보세요.</translation>
    </message>
    <message>
        <source>The server is busy signing people in; try again shortly.</source>
        <translation>서버가 로그인 처리로 바빠요. 조금 뒤에 다시 해 보세요.</translation>
    </message>
    <message>
        <source>The password could not be hashed.</source>
        <translation>비밀번호를 해시할 수 없었어요.</translation>
    </message>
    <message>
        <source>You have no signed-in device with that id; it may have signed out already.</source>
        <translation>그 ID로 로그인한 기기가 없어요. 이미 로그아웃했을 수 있어요.</translation>
    </message>
    <message>
        <source>This sign-in was ended; log in again.</source>
        <translation>이 로그인은 끝났어요. 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>This one-time code has expired; ask an admin for a new one.</source>
        <translation>이 일회용 코드는 만료됐어요. 관리자에게 새 코드를 요청하세요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::AccountStore</name>
    <message>
        <source>There is no such user.</source>
        <translation>그런 사용자는 없어요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::AdminHandler</name>
    <message>
        <source>Only an admin can do this.</source>
        <translation>관리자만 할 수 있어요.</translation>
    </message>
    <message>
        <source>The role must be &quot;admin&quot; or &quot;member&quot;.</source>
        <translation>역할은 &quot;admin&quot; 또는 &quot;member&quot;여야 해요.</translation>
    </message>
    <message>
        <source>You cannot take away your own admin rights; ask another admin to do it.</source>
        <translation>내 관리자 권한은 직접 뺄 수 없어요. 다른 관리자에게 부탁하세요.</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>내 계정은 비활성화할 수 없어요.</translation>
    </message>
    <message>
        <source>Change your own password in your account settings instead.</source>
        <translation>내 비밀번호는 계정 설정에서 바꾸세요.</translation>
    </message>
    <message>
        <source>The server is busy signing people in; try again shortly.</source>
        <translation>서버가 로그인 처리로 바빠요. 조금 뒤에 다시 해 보세요.</translation>
    </message>
    <message>
        <source>The code could not be hashed.</source>
        <translation>코드를 해시할 수 없었어요.</translation>
    </message>
    <message>
        <source>There is no such user.</source>
        <translation>그런 사용자는 없어요.</translation>
    </message>
    <message>
        <source>There are %1 invites already; withdraw some first.</source>
        <translation>초대가 이미 %1개 있어요. 먼저 몇 개를 취소하세요.</translation>
    </message>
    <message>
        <source>There is no unused invite with that id.</source>
        <translation>그 ID로 된 미사용 초대가 없어요.</translation>
    </message>
    <message>
        <source>This sign-in was ended; log in again.</source>
        <translation>이 로그인은 끝났어요. 다시 로그인하세요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::AuthHandler</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>사용자 이름 또는 비밀번호가 올바르지 않아요.</translation>
    </message>
    <message>
        <source>Not an auth request.</source>
        <translation>인증 요청이 아니에요.</translation>
    </message>
    <message>
        <source>The server is busy signing people in; try again shortly.</source>
        <translation>서버가 다른 로그인을 처리하느라 바빠요. 잠시 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Registration is closed on this server; ask its admin for an account.</source>
        <translation>이 서버는 가입을 받지 않아요. 서버 관리자에게 계정을 요청하세요.</translation>
    </message>
    <message>
        <source>Too many attempts from this address; wait a moment.</source>
        <translation>이 주소에서 시도가 너무 많아요. 잠시 기다리세요.</translation>
    </message>
    <message>
        <source>The password could not be hashed.</source>
        <translation>비밀번호를 해시하지 못했어요.</translation>
    </message>
    <message>
        <source>Too many failed logins; wait before trying again.</source>
        <translation>로그인 실패가 너무 많아요. 잠시 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Too many failed attempts; wait a moment.</source>
        <translation>실패한 시도가 너무 많아요. 잠시 기다리세요.</translation>
    </message>
    <message>
        <source>This sign-in has expired or was ended; log in again.</source>
        <translation>로그인이 만료되었거나 종료되었어요. 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>You are not logged in.</source>
        <translation>로그인되어 있지 않아요.</translation>
    </message>
    <message>
        <source>This invite code is not valid: it is mistyped, used, withdrawn or expired.</source>
        <translation>이 초대 코드는 쓸 수 없어요. 잘못 입력했거나, 이미 썼거나, 취소됐거나, 만료됐어요.</translation>
    </message>
    <message>
        <source>This server takes new accounts by invitation: ask an admin for an invite code.</source>
        <translation>이 서버는 초대로만 새 계정을 받아요. 관리자에게 초대 코드를 요청하세요.</translation>
    </message>
    <message>
        <source>This account has been disabled; ask an admin.</source>
        <translation>이 계정은 비활성화됐어요. 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>This one-time code has expired; ask an admin for a new one.</source>
        <translation>이 일회용 코드는 만료됐어요. 관리자에게 새 코드를 요청하세요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ChatHandler</name>
    <message>
        <source>This channel does not exist.</source>
        <translation>없는 채널이에요.</translation>
    </message>
    <message>
        <source>This message does not exist (it may have been deleted).</source>
        <translation>없는 메시지예요(삭제되었을 수 있어요).</translation>
    </message>
    <message>
        <source>Not a chat request.</source>
        <translation>채팅 요청이 아니에요.</translation>
    </message>
    <message>
        <source>message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>The message replied to does not exist in this channel.</source>
        <translation>답장하려는 메시지가 이 채널에 없습니다.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ChatStore</name>
    <message>
        <source>This message does not exist (it may have been deleted).</source>
        <translation>없는 메시지예요(삭제되었을 수 있어요).</translation>
    </message>
    <message>
        <source>A channel named &apos;%1&apos; already exists.</source>
        <translation>&apos;%1&apos; 채널이 이미 있어요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::DirectHandler</name>
    <message>
        <source>The field &apos;userIds&apos; must be an array of user ids.</source>
        <translation>&apos;userIds&apos; 필드는 사용자 ID 배열이어야 합니다.</translation>
    </message>
    <message>
        <source>A conversation has at most %1 members.</source>
        <translation>대화 참여자는 최대 %1명입니다.</translation>
    </message>
    <message>
        <source>Name at least one other user to talk to.</source>
        <translation>대화할 다른 사용자를 한 명 이상 지정하세요.</translation>
    </message>
    <message>
        <source>There is no user with id %1.</source>
        <translation>ID가 %1인 사용자가 없습니다.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::EventStore</name>
    <message>
        <source>This server has no changes after %1 (its latest is %2): reload.</source>
        <translation>이 서버에는 %1 이후의 변경 사항이 없어요(최신은 %2). 다시 불러오세요.</translation>
    </message>
    <message>
        <source>Changes before %1 are no longer kept: reload.</source>
        <translation>%1 이전의 변경 사항은 더 이상 보관하지 않아요. 다시 불러오세요.</translation>
    </message>
    <message>
        <source>Too much has changed since %1 to send at once: reload.</source>
        <translation>%1 이후 변경 사항이 너무 많아 한 번에 보낼 수 없어요. 다시 불러오세요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::FeedHandler</name>
    <message>
        <source>The attached image does not exist; upload it first.</source>
        <translation>첨부한 이미지가 없어요. 먼저 업로드하세요.</translation>
    </message>
    <message>
        <source>An image id is the 64-character lowercase hex SHA-256 of the image.</source>
        <translation>이미지 ID는 이미지의 SHA-256 값을 소문자 16진수 64자로 쓴 것이에요.</translation>
    </message>
    <message>
        <source>Not a feed request.</source>
        <translation>피드 요청이 아니에요.</translation>
    </message>
    <message>
        <source>This post does not exist.</source>
        <translation>없는 게시물이에요.</translation>
    </message>
    <message>
        <source>post</source>
        <translation>게시물</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::FileHandler</name>
    <message>
        <source>There is no such upload (it was finished, cancelled or abandoned).</source>
        <translation>그런 업로드가 없습니다 (완료, 취소 또는 중단됨).</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>그런 파일이 없습니다.</translation>
    </message>
    <message>
        <source>This must be a SHA-256 digest in hexadecimal.</source>
        <translation>16진수 SHA-256 다이제스트여야 합니다.</translation>
    </message>
    <message>
        <source>A file name has 1 to 255 characters, without control characters, &apos;/&apos; or &apos;\&apos;.</source>
        <translation>파일 이름은 1~255자이며 제어 문자, &apos;/&apos;, &apos;\&apos;를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>A file name has at most 255 characters.</source>
        <translation>파일 이름은 최대 255자입니다.</translation>
    </message>
    <message>
        <source>The type must look like &apos;application/pdf&apos;.</source>
        <translation>형식은 &apos;application/pdf&apos;와 같아야 합니다.</translation>
    </message>
    <message>
        <source>Not a file request.</source>
        <translation>파일 요청이 아닙니다.</translation>
    </message>
    <message>
        <source>The size must not be negative.</source>
        <translation>크기는 음수일 수 없습니다.</translation>
    </message>
    <message>
        <source>A file can be at most 100 MiB.</source>
        <translation>파일은 최대 100MiB입니다.</translation>
    </message>
    <message>
        <source>You have %1 uploads in progress; finish or cancel one first.</source>
        <translation>진행 중인 업로드가 %1개 있습니다. 먼저 하나를 끝내거나 취소하세요.</translation>
    </message>
    <message>
        <source>The server has no room for this file right now.</source>
        <translation>지금은 서버에 이 파일을 저장할 공간이 없습니다.</translation>
    </message>
    <message>
        <source>A chunk can be at most 4 MiB.</source>
        <translation>조각은 최대 4MiB입니다.</translation>
    </message>
    <message>
        <source>The chunk is not valid base64, or empty.</source>
        <translation>조각이 올바른 base64가 아니거나 비어 있습니다.</translation>
    </message>
    <message>
        <source>The chunk must start at byte %1.</source>
        <translation>조각은 %1바이트에서 시작해야 합니다.</translation>
    </message>
    <message>
        <source>The chunk goes past the end of the file.</source>
        <translation>조각이 파일 끝을 넘어갑니다.</translation>
    </message>
    <message>
        <source>The upload is not complete: %1 of %2 bytes received.</source>
        <translation>업로드가 끝나지 않았습니다: %2바이트 중 %1바이트를 받았습니다.</translation>
    </message>
    <message>
        <source>The bytes received do not match the SHA-256 given; the upload was dropped.</source>
        <translation>받은 바이트가 주어진 SHA-256과 맞지 않아 업로드를 버렸습니다.</translation>
    </message>
    <message>
        <source>The offset must not be negative.</source>
        <translation>위치는 음수일 수 없습니다.</translation>
    </message>
    <message>
        <source>The length must be at least 1.</source>
        <translation>길이는 1 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>At most 4 MiB can be read at once.</source>
        <translation>한 번에 최대 4MiB까지 읽을 수 있습니다.</translation>
    </message>
    <message>
        <source>The offset is past the end of the file.</source>
        <translation>위치가 파일 끝을 넘었습니다.</translation>
    </message>
    <message>
        <source>&apos;files&apos; must be an array of file ids.</source>
        <translation>&apos;files&apos;는 파일 ID 배열이어야 합니다.</translation>
    </message>
    <message>
        <source>At most %1 files can be attached.</source>
        <translation>최대 %1개의 파일을 첨부할 수 있습니다.</translation>
    </message>
    <message>
        <source>There is no such file, or its upload is not finished.</source>
        <translation>그런 파일이 없거나 업로드가 끝나지 않았습니다.</translation>
    </message>
    <message>
        <source>The same file is attached twice.</source>
        <translation>같은 파일이 두 번 첨부되었습니다.</translation>
    </message>
    <message>
        <source>The size does not match the file with this SHA-256.</source>
        <translation>크기가 이 SHA-256의 파일과 맞지 않아요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::FileStore</name>
    <message>
        <source>The server could not store this file (its disk may be full). The upload was stopped and its partial data removed.</source>
        <translation>서버가 이 파일을 저장하지 못했습니다 (디스크가 가득 찼을 수 있습니다). 업로드를 멈추고 일부 받은 데이터를 지웠습니다.</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>그런 파일이 없습니다.</translation>
    </message>
    <message>
        <source>There is no such file, or its upload is not finished.</source>
        <translation>그런 파일이 없거나 업로드가 끝나지 않았습니다.</translation>
    </message>
    <message>
        <source>This upload is gone (cancelled or abandoned); begin it again.</source>
        <translation>이 업로드는 없어졌습니다 (취소 또는 중단됨). 다시 시작하세요.</translation>
    </message>
    <message>
        <source>The chunk must start at byte %1.</source>
        <translation>조각은 %1바이트에서 시작해야 합니다.</translation>
    </message>
    <message>
        <source>The server could not read this file.</source>
        <translation>서버가 이 파일을 읽지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ImageHandler</name>
    <message>
        <source>The image must be a PNG, JPEG, GIF or WebP file.</source>
        <translation>이미지는 PNG, JPEG, GIF, WebP 파일이어야 해요.</translation>
    </message>
    <message>
        <source>The image is larger than 8 MiB.</source>
        <translation>이미지가 8MiB보다 커요.</translation>
    </message>
    <message>
        <source>The image data is not valid base64 (it looks cut off).</source>
        <translation>이미지 데이터가 올바른 base64가 아니에요(잘린 것 같아요).</translation>
    </message>
    <message>
        <source>The image data is not valid base64.</source>
        <translation>이미지 데이터가 올바른 base64가 아니에요.</translation>
    </message>
    <message>
        <source>There is no such image.</source>
        <translation>그런 이미지는 없어요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ImageInspector</name>
    <message>
        <source>The image is larger than 8 MiB.</source>
        <translation>이미지가 8MiB보다 커요.</translation>
    </message>
    <message>
        <source>The image must be a PNG, JPEG, GIF or WebP file.</source>
        <translation>이미지는 PNG, JPEG, GIF, WebP 파일이어야 해요.</translation>
    </message>
    <message>
        <source>The image has no readable size.</source>
        <translation>이미지 크기를 읽을 수 없어요.</translation>
    </message>
    <message>
        <source>The image is %1 x %2 pixels; at most %3 x %3 are allowed.</source>
        <translation>이미지가 %1 x %2픽셀이에요. 최대 %3 x %3픽셀까지 허용돼요.</translation>
    </message>
    <message>
        <source>The image could not be decoded: %1.</source>
        <translation>이미지를 디코딩하지 못했어요: %1.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::MetricsServer</name>
    <message>
        <source>cannot listen for metrics on %1:%2: %3</source>
        <translation>%1:%2에서 메트릭 연결을 받을 수 없어요: %3</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::PostStore</name>
    <message>
        <source>This post does not exist (it may have been deleted).</source>
        <translation>없는 게시물이에요(삭제되었을 수 있어요).</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ReactionStore</name>
    <message>
        <source>At most %1 different reactions fit on one entry.</source>
        <translation>한 항목에는 최대 %1가지 반응만 달 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ReadHandler</name>
    <message>
        <source>This channel does not exist.</source>
        <translation>이 채널은 존재하지 않습니다.</translation>
    </message>
    <message>
        <source>Not a read request.</source>
        <translation>읽음 요청이 아닙니다.</translation>
    </message>
    <message>
        <source>This message is not in this channel (it may have been deleted).</source>
        <translation>이 메시지는 이 채널에 없습니다(삭제되었을 수 있습니다).</translation>
    </message>
    <message>
        <source>The level must be &quot;all&quot;, &quot;mentions&quot; or &quot;none&quot;.</source>
        <translation>수준은 &quot;all&quot;, &quot;mentions&quot;, &quot;none&quot; 중 하나여야 합니다.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::ReplyHandler</name>
    <message>
        <source>This message does not exist (it may have been deleted).</source>
        <translation>이 메시지가 없습니다 (삭제되었을 수 있습니다).</translation>
    </message>
    <message>
        <source>Not a chat request.</source>
        <translation>채팅 요청이 아닙니다.</translation>
    </message>
    <message>
        <source>A reaction goes on a message or on a post: give one of messageId and postId.</source>
        <translation>반응은 메시지나 게시물에 답니다: messageId와 postId 중 하나만 주세요.</translation>
    </message>
    <message>
        <source>&apos;on&apos; must be true or false.</source>
        <translation>&apos;on&apos;은 true 또는 false여야 합니다.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::SearchHandler</name>
    <message>
        <source>&apos;%1&apos; must be an ISO 8601 time with a zone, such as 2026-01-31T09:00:00Z.</source>
        <translation>‘%1’은(는) 2026-01-31T09:00:00Z처럼 시간대가 있는 ISO 8601 시각이어야 해요.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be one of: %2.</source>
        <translation>‘%1’은(는) 다음 중 하나여야 해요: %2.</translation>
    </message>
    <message>
        <source>&apos;offset&apos; must be between 0 and %1.</source>
        <translation>‘offset’은(는) 0에서 %1 사이여야 해요.</translation>
    </message>
    <message>
        <source>This channel does not exist.</source>
        <translation>없는 채널이에요.</translation>
    </message>
    <message>
        <source>This user does not exist.</source>
        <translation>없는 사용자예요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::SearchQuery</name>
    <message>
        <source>A search is at most %1 characters long.</source>
        <translation>검색어는 최대 %1자까지 쓸 수 있어요.</translation>
    </message>
    <message>
        <source>Type a word to search for.</source>
        <translation>검색할 단어를 입력해 주세요.</translation>
    </message>
    <message>
        <source>A search has at most %1 words.</source>
        <translation>검색어는 최대 %1단어까지 쓸 수 있어요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::Server</name>
    <message>
        <source>libsodium could not be initialised</source>
        <translation>libsodium을 초기화하지 못했어요</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>%1:%2에서 연결을 받을 수 없어요: %3</translation>
    </message>
    <message>
        <source>Too much data too fast; slow down.</source>
        <translation>데이터를 너무 빨리 보내고 있어요. 속도를 줄이세요.</translation>
    </message>
    <message>
        <source>Too many requests; slow down.</source>
        <translation>요청이 너무 많아요. 속도를 줄이세요.</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>먼저 로그인하세요.</translation>
    </message>
    <message>
        <source>Binary frames are not part of the protocol; send JSON text frames.</source>
        <translation>바이너리 프레임은 프로토콜에 없어요. JSON 텍스트 프레임을 보내세요.</translation>
    </message>
    <message>
        <source>TLS is off</source>
        <translation>TLS가 꺼져 있어요</translation>
    </message>
    <message>
        <source>You signed in with a one-time code: choose a new password first.</source>
        <translation>일회용 코드로 로그인했어요. 먼저 새 비밀번호를 정하세요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::SyncHandler</name>
    <message>
        <source>The client name is longer than %1 characters.</source>
        <translation>클라이언트 이름이 %1자보다 길어요.</translation>
    </message>
    <message>
        <source>This server speaks protocol version %1 only.</source>
        <translation>이 서버는 프로토콜 버전 %1만 지원해요.</translation>
    </message>
    <message>
        <source>&apos;since&apos; must not be negative.</source>
        <translation>&apos;since&apos;는 음수일 수 없어요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::UserHandler</name>
    <message>
        <source>An image id is the 64-character lowercase hex SHA-256 of the image.</source>
        <translation>이미지 ID는 이미지의 SHA-256 값을 소문자 16진수 64자로 쓴 것이에요.</translation>
    </message>
    <message>
        <source>The picture does not exist; upload it first.</source>
        <translation>사진이 없어요. 먼저 업로드하세요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::UserStore</name>
    <message>
        <source>The username &apos;%1&apos; is already taken.</source>
        <translation>&apos;%1&apos;은(는) 이미 사용 중인 사용자 이름이에요.</translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation>이 계정은 더 이상 없어요.</translation>
    </message>
    <message>
        <source>There is no user &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; 사용자가 없어요.</translation>
    </message>
    <message>
        <source>This account has been disabled.</source>
        <translation>이 계정은 비활성화됐어요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::VersionHandler</name>
    <message>
        <source>Not an edit history request.</source>
        <translation>수정 기록 요청이 아니에요.</translation>
    </message>
    <message>
        <source>This message does not exist (it may have been deleted).</source>
        <translation>없는 메시지예요(삭제되었을 수 있어요).</translation>
    </message>
    <message>
        <source>This post does not exist (it may have been deleted).</source>
        <translation>없는 게시물이에요(삭제되었을 수 있어요).</translation>
    </message>
</context>
<context>
    <name>Hubbub::Server::Writer</name>
    <message>
        <source>The server is shutting down; the change was not stored.</source>
        <translation>서버가 종료되는 중이라 변경 사항을 저장하지 않았어요.</translation>
    </message>
    <message>
        <source>The writer is not running.</source>
        <translation>쓰기 작업자가 실행 중이 아니에요.</translation>
    </message>
</context>
<context>
    <name>Hubbub::Validation</name>
    <message>
        <source>%1 is too long: at most %2 characters, this has %3.</source>
        <translation>%1 길이가 너무 길어요. 최대 %2자인데 %3자예요.</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 항목은 비워 둘 수 없어요.</translation>
    </message>
    <message>
        <source>%1 is too short: at least %2 characters.</source>
        <translation>%1 길이가 너무 짧아요. 최소 %2자여야 해요.</translation>
    </message>
    <message>
        <source>The username</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <source>The password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>The text</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>The message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>The comment</source>
        <translation>댓글</translation>
    </message>
    <message>
        <source>The rating must be a whole number of stars from %1 to %2.</source>
        <translation>평점은 별 %1개부터 %2개까지의 정수여야 해요.</translation>
    </message>
    <message>
        <source>The channel name</source>
        <translation>채널 이름</translation>
    </message>
    <message>
        <source>A channel name may not contain line breaks or control characters.</source>
        <translation>채널 이름에는 줄바꿈이나 제어 문자를 쓸 수 없어요.</translation>
    </message>
    <message>
        <source>The topic</source>
        <translation>주제</translation>
    </message>
    <message>
        <source>The nonce</source>
        <translation>nonce</translation>
    </message>
    <message>
        <source>A username may contain only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;: no spaces, symbols or emoji.</source>
        <translation>사용자 이름에는 글자, 숫자, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;만 쓸 수 있어요. 공백, 기호, 이모지는 쓸 수 없어요.</translation>
    </message>
    <message>
        <source>The display name</source>
        <translation>표시 이름</translation>
    </message>
    <message>
        <source>A display name may not contain line breaks, control characters or invisible formatting characters.</source>
        <translation>표시 이름에는 줄 바꿈, 제어 문자, 보이지 않는 서식 문자를 쓸 수 없어요.</translation>
    </message>
    <message>
        <source>A reaction is at most %1 bytes long.</source>
        <translation>반응은 최대 %1바이트입니다.</translation>
    </message>
    <message>
        <source>A reaction has no spaces or control characters.</source>
        <translation>반응에는 공백이나 제어 문자가 들어갈 수 없습니다.</translation>
    </message>
    <message>
        <source>A reaction is an emoji or a symbol, not a word.</source>
        <translation>반응은 단어가 아니라 이모지나 기호여야 합니다.</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>방금</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n분 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n시간 전</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>어제</translation>
    </message>
</context>
<context>
    <name>TlsContext</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1을(를) 쓸 수 없어요: %2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1을(를) 쓸 수 없어요</translation>
    </message>
    <message>
        <source>TLS is not available: %1</source>
        <translation>TLS를 쓸 수 없어요: %1</translation>
    </message>
    <message>
        <source>cannot use the certificate %1: %2</source>
        <translation>인증서 %1을(를) 쓸 수 없어요: %2</translation>
    </message>
    <message>
        <source>the key %1 does not belong to the certificate %2</source>
        <translation>키 %1은(는) 인증서 %2의 키가 아니에요</translation>
    </message>
    <message>
        <source>cannot use the key %1: %2</source>
        <translation>키 %1을(를) 쓸 수 없어요: %2</translation>
    </message>
    <message>
        <source>cannot read the certificate %1</source>
        <translation>인증서 %1을(를) 읽을 수 없어요</translation>
    </message>
    <message>
        <source>cannot create a key: %1</source>
        <translation>키를 만들 수 없어요: %1</translation>
    </message>
    <message>
        <source>cannot create a certificate: %1</source>
        <translation>인증서를 만들 수 없어요: %1</translation>
    </message>
    <message>
        <source>cannot sign the certificate: %1</source>
        <translation>인증서에 서명할 수 없어요: %1</translation>
    </message>
    <message>
        <source>cannot write the certificate: %1</source>
        <translation>인증서를 쓸 수 없어요: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Hubbub: the feed and chat of your local network.</source>
        <translation>Hubbub: 로컬 네트워크의 피드와 채팅</translation>
    </message>
    <message>
        <source>Sign in as &lt;name&gt; without the dialog, creating the account if needed.</source>
        <translation>대화 상자 없이 &lt;name&gt;(으)로 로그인하고, 필요하면 계정을 만들어요.</translation>
    </message>
    <message>
        <source>Read the password for --user from &lt;file&gt;.</source>
        <translation>--user의 비밀번호를 &lt;file&gt;에서 읽어요.</translation>
    </message>
    <message>
        <source>Trust the certificate of the --server whose SHA-256 fingerprint is &lt;sha256&gt;, as hubbub-server prints it, without asking.</source>
        <translation>hubbub-server가 출력한 SHA-256 지문이 &lt;sha256&gt;인 --server의 인증서를 묻지 않고 믿어요.</translation>
    </message>
    <message>
        <source>Connect to the server at &lt;url&gt; (default: the last one). A server with several addresses: all of them, separated by commas, tried in turn.</source>
        <translation>&lt;url&gt; 서버에 연결해요(기본값: 마지막으로 쓴 서버). 주소가 여러 개인 서버는 모든 주소를 쉼표로 구분해 적으면 차례로 시도해요.</translation>
    </message>
</context>
</TS>
