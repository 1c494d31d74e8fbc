package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/exoscreen/exoscreen/internal/fserr"
	"github.com/exoscreen/exoscreen/internal/serve"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui/kiosk"
)

// serve is `exoscreen serve`: the kiosk (or --mode screening) over SSH. It parses the flags
// and runs internal/serve until SIGTERM or SIGINT.
func (e *env) serve(o *options, args []string) int {
	c, f := &o.common, &o.serveFlags
	listen, outboxDir, mode, details := &f.listen, &o.outbox, &f.mode, &o.details
	showResult, idle, clinic, hostKey := &o.showResult, &o.idle, &o.clinicName, &f.hostKey
	authKeys, pwFile, pinFile, maxSessions, logFile := &f.authKeys, &f.passwordFile, &o.pinFile, &f.maxSessions, &f.logFile
	if len(args) > 0 {
		return e.usageError("serve", c.lang, usage("noArgs", commandTitle("serve"), args[0]))
	}
	rs, err := c.loadRules()
	if err != nil {
		return e.loadError("serve", c.lang, err)
	}
	if *outboxDir == "" {
		return e.usageError("serve", c.lang, startErr("needsOutbox", "serve"))
	}
	if *hostKey == "" {
		return e.usageError("serve", c.lang, startErr("needsHostKey"))
	}
	if *idle < time.Second {
		return e.usageError("serve", c.lang, startErr("idleShort", *idle))
	}
	if *maxSessions < 1 {
		return e.usageError("serve", c.lang, startErr("maxSessions", *maxSessions))
	}
	fields, err := kiosk.ParseFields(*details)
	if err != nil {
		return e.usageError("serve", c.lang, detailsErr(*details))
	}
	password := os.Getenv(serve.PasswordEnv)
	scrubEnv(serve.PasswordEnv) // from /proc/PID/environ too, where the system allows
	os.Unsetenv(serve.PasswordEnv)
	if *pwFile != "" {
		if password, err = serve.ReadPasswordFile(*pwFile); err != nil {
			return e.usageError("serve", c.lang, err)
		}
	}
	var guard *kiosk.Guard
	if serve.Mode(*mode) == serve.ModeKiosk {
		pin, fromEnv, scrubbed, err := readPIN(*pinFile)
		if err != nil {
			return e.usageError("serve", c.lang, err)
		}
		if fromEnv { // serve's standard error is the operator's, not hidden by a full screen
			fmt.Fprintf(e.stderr, "exoscreen serve: %s\n", kioskWarnings.Get(c.lang, "pin.env"))
			if !scrubbed {
				fmt.Fprintf(e.stderr, "exoscreen serve: %s\n", kioskWarnings.Get(c.lang, "pin.visible"))
			}
		}
		if guard, err = kiosk.NewGuard(pin); err != nil {
			return e.usageError("serve", c.lang, pinErr(err, *pinFile))
		}
	}
	var logw io.Writer = e.stderr
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
		if err != nil {
			e.sayErr("exoscreen serve", c.lang, startErr("logOpen", export.Sanitize(*logFile), fserr.Cause(err)))
			return exitFail
		}
		defer f.Close()
		logw = f
	}
	lang := c.lang
	if !o.given("lang") {
		lang = screening.JA // the clinic's language for the staff screens and the first screen
	}
	srv, err := serve.New(serve.Config{
		Listen: *listen, Outbox: *outboxDir, Mode: serve.Mode(*mode), RuleSet: rs, Lang: lang,
		Details: fields, ShowResult: *showResult, IdleTimeout: *idle, Clinic: *clinic, Guard: guard,
		HostKey: *hostKey, AuthorizedKeys: *authKeys, Password: password,
		MaxSessions: *maxSessions, Log: logw,
	})
	if err != nil {
		return e.usageError("serve", c.lang, err)
	}
	ln, err := srv.Listen()
	if err != nil {
		addr := *listen
		if addr == "" {
			addr = serve.DefaultListen
		}
		e.sayErr("exoscreen serve", c.lang, listenErr(addr, err))
		return exitFail
	}
	fmt.Fprintf(e.stdout, "exoscreen serve: listening on %s\nhost key fingerprint: %s\n", ln.Addr(), srv.Fingerprint())

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT)
	defer signal.Stop(sigs)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case <-sigs:
		srv.Shutdown()
		<-served
		return exitOK
	case err := <-served:
		if err != nil {
			e.sayErr("exoscreen serve", c.lang, startErr("serveFailed", export.Sanitize(err.Error())))
			return exitFail
		}
		return exitOK
	}
}

// serveFlags are the values of the flags only serve takes; the kiosk's flags (--outbox,
// --details, --show-result, --idle-timeout, --staff-pin-file, --clinic) are shared.
type serveFlags struct {
	listen       string
	mode         string
	hostKey      string
	authKeys     string
	passwordFile string
	maxSessions  int
	logFile      string
}

var serveCommand = &command{
	name: "serve",
	summary: screening.Text{
		JA:     "受付キオスクか問診を SSH で院内の端末に提供します",
		EN:     "the kiosk or the screening over SSH, for every terminal in the clinic",
		ZhHans: "通过 SSH 向院内终端提供前台自助终端或问诊",
		ZhHant: "透過 SSH 向院內終端提供櫃檯自助終端或問診",
		KO:     "접수 키오스크나 문진을 SSH 로 원내 단말에 제공합니다",
	},
	about: []screening.Text{
		{
			JA:     "受付キオスク（--mode screening では対話的な問診）を SSH で提供します。院内の各端末は普通の SSH クライアントで接続し、それぞれ自分の問診を受けます。結果はすべて exoscreen inbox が読む送信フォルダーに保存されます。",
			EN:     "Serves the front-desk kiosk (or, with --mode screening, the interactive screening) over SSH: every terminal in the clinic connects with a plain SSH client and gets its own screening; every result lands in the outbox that exoscreen inbox reads.",
			ZhHans: "通过 SSH 提供前台自助终端（--mode screening 时为交互式问诊）。院内各终端用普通的 SSH 客户端连接，各自进行自己的问诊。所有结果都保存到 exoscreen inbox 读取的发送文件夹。",
			ZhHant: "透過 SSH 提供櫃檯自助終端（--mode screening 時為互動式問診）。院內各終端用一般的 SSH 用戶端連線，各自進行自己的問診。所有結果都儲存到 exoscreen inbox 讀取的傳送資料夾。",
			KO:     "접수 키오스크(--mode screening 이면 대화식 문진)를 SSH 로 제공합니다. 원내 각 단말은 보통의 SSH 클라이언트로 접속해 각자 문진을 받습니다. 결과는 모두 exoscreen inbox 가 읽는 송신 폴더에 저장됩니다.",
		},
		{
			JA:     "--authorized-keys とパスワードの少なくとも一方が必要です。SIGTERM か SIGINT で、保存中の結果を書き終えてから終了します。",
			EN:     "At least one of --authorized-keys and a password is required. SIGTERM or SIGINT closes the server after the saves in progress.",
			ZhHans: "--authorized-keys 和密码至少需要其中一个。收到 SIGTERM 或 SIGINT 时，写完正在保存的结果后结束。",
			ZhHant: "--authorized-keys 和密碼至少需要其中一個。收到 SIGTERM 或 SIGINT 時，寫完正在儲存的結果後結束。",
			KO:     "--authorized-keys 와 비밀번호 중 적어도 하나가 필요합니다. SIGTERM 이나 SIGINT 를 받으면 저장 중인 결과를 다 쓴 뒤 종료합니다.",
		},
	},
	flags: []flagGroup{{names: []string{"listen", "outbox", "mode", "host-key", "authorized-keys", "password-file", "staff-pin-file", "details", "show-result", "idle-timeout", "clinic", "max-sessions", "log"}}},
	examples: []example{
		{"exoscreen serve --outbox DIR --host-key FILE --password-file FILE", screening.Text{
			JA:     "このコンピュータの 2222 番で待ち受けます",
			EN:     "listen on port 2222 of this machine",
			ZhHans: "在本机的 2222 端口监听",
			ZhHant: "在本機的 2222 埠監聽",
			KO:     "이 컴퓨터의 2222 번 포트에서 기다립니다",
		}},
		{"ssh -t -p 2222 kiosk@127.0.0.1", screening.Text{
			JA:     "端末から接続します",
			EN:     "connect from a terminal",
			ZhHans: "从终端连接",
			ZhHant: "從終端連線",
			KO:     "단말에서 접속합니다",
		}},
	},
	run: func(e *env, o *options, args []string) int { return e.serve(o, args) },
}
