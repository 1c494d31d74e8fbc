package main

import (
	"errors"
	"flag"
	"fmt"
	iofs "io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/exoscreen/exoscreen/internal/atomicfile"
	"github.com/exoscreen/exoscreen/internal/fserr"
	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/internal/serve"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui"
	"github.com/exoscreen/exoscreen/ui/kiosk"
)

// kioskFPS is the kiosk's frame rate: a reset reaches the screen within one frame (25 ms),
// and the renderer's ticks are most of what a kiosk idling on its welcome screen costs
// (about half of it at bubbletea's default 60).
const kioskFPS = 40

// pinEnv is the environment variable holding the staff PIN.
const pinEnv = "EXOSCREEN_STAFF_PIN"

// kioskFlags are the values of the flags of `exoscreen --kiosk` (defined in flags.go).
type kioskFlags struct {
	kiosk      bool
	outbox     string
	showResult bool
	idle       time.Duration
	details    string
	pinFile    string
	clinicName string // --clinic, shared with the other commands that print summaries
}

// clinic is the --clinic flag.
func (k *kioskFlags) clinic() string { return k.clinicName }

// misused reports whether a kiosk-only flag was given without --kiosk.
func (k *kioskFlags) misused(fs *flag.FlagSet) error {
	if k.kiosk {
		return nil
	}
	var bad []string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "outbox", "show-result", "idle-timeout", "details", "staff-pin-file":
			bad = append(bad, "--"+f.Name)
		}
	})
	if len(bad) > 0 {
		return startErr("kioskOnly", strings.Join(bad, ", "))
	}
	return nil
}

// readPIN reads the staff PIN from the file or the environment. A PIN file must be private
// to its owner (mode 0600 or stricter), like an SSH key (serve.ReadPrivate, whose errors name
// the flag and the file in every language). A PIN from the environment is
// removed from it (from Go's copy, so programs the kiosk starts never see it, and from the
// process's initial environment block that /proc/PID/environ shows, where the system allows);
// fromEnv reports that it came from there, and scrubbed whether the block was cleared.
func readPIN(file string) (pin string, fromEnv, scrubbed bool, err error) {
	if file == "" {
		v, ok := os.LookupEnv(pinEnv)
		if !ok || v == "" {
			return "", false, false, startErr("pinMissing", pinEnv)
		}
		// A copy: were the runtime's strings to point into the block (older Go versions did),
		// scrubbing it would clear the PIN too.
		pin = strings.Clone(strings.TrimSpace(v))
		scrubbed = scrubEnv(pinEnv)
		os.Unsetenv(pinEnv)
		if pin == "" {
			return "", true, scrubbed, pinErr(kiosk.ErrBlankPIN, "")
		}
		return pin, true, scrubbed, nil
	}
	b, err := serve.ReadPrivate("--staff-pin-file", file, 4096)
	if err != nil {
		return "", false, false, err
	}
	line, _, _ := strings.Cut(string(b), "\n")
	if line != "" && strings.TrimSpace(line) == "" {
		return "", false, false, pinErr(kiosk.ErrBlankPIN, file)
	}
	return strings.TrimSpace(line), false, false, nil
}

// kioskWarnings are the kiosk's words for the warnings shown on the staff menu.
var kioskWarnings = i18n.Catalog{
	"pin.env": {
		JA:     "暗証番号を環境変数 " + pinEnv + " から読みました。設定したシェル（とその履歴）に残っている場合があります。--staff-pin-file（権限 0600）を使ってください。",
		EN:     "The staff PIN came from " + pinEnv + "; the shell that set it (and its history) may still hold it. Use --staff-pin-file (mode 0600) instead.",
		ZhHans: "密码是从环境变量 " + pinEnv + " 读取的，设置它的 shell（及其历史记录）中可能还留有密码。请改用 --staff-pin-file（权限 0600）。",
		ZhHant: "密碼是從環境變數 " + pinEnv + " 讀取的，設定它的 shell（及其歷史記錄）中可能還留有密碼。請改用 --staff-pin-file（權限 0600）。",
		KO:     "비밀번호를 환경 변수 " + pinEnv + " 에서 읽었습니다. 설정한 셸(과 그 기록)에 남아 있을 수 있습니다. --staff-pin-file(권한 0600)을 사용해 주십시오.",
	},
	"pin.visible": {
		JA:     "この環境ではプロセスの初期環境から暗証番号を消せないため、同じユーザーには /proc/PID/environ で見えます。",
		EN:     "This system does not let the kiosk clear the PIN from its initial environment: the same user can read it in /proc/PID/environ.",
		ZhHans: "此系统无法从进程的初始环境中清除密码，同一用户可以在 /proc/PID/environ 中看到它。",
		ZhHant: "此系統無法從行程的初始環境中清除密碼，同一使用者可以在 /proc/PID/environ 中看到它。",
		KO:     "이 시스템에서는 프로세스의 초기 환경에서 비밀번호를 지울 수 없어, 같은 사용자는 /proc/PID/environ 에서 볼 수 있습니다.",
	},
	"unlock.done": {
		JA:     "%s に書き込むキオスクの暗証番号ロックを解除しました。キオスクで F12 を押すと、すぐに暗証番号を入力できます。",
		EN:     "The staff PIN lockout of the kiosks writing to %s is released: press F12 on the kiosk and enter the PIN.",
		ZhHans: "已解除写入 %s 的自助终端的密码锁定。在自助终端上按 F12 即可输入密码。",
		ZhHant: "已解除寫入 %s 的自助終端的密碼鎖定。在自助終端上按 F12 即可輸入密碼。",
		KO:     "%s 에 쓰는 키오스크의 비밀번호 잠금을 해제했습니다. 키오스크에서 F12 를 누르면 바로 비밀번호를 입력할 수 있습니다.",
	},
	"unlock.failed": {
		JA:     "%s にロック解除の指示を書けません（%s）。キオスクと同じユーザーで実行してください。",
		EN:     "cannot leave the unlock request in %s (%s); run this as the kiosk's user.",
		ZhHans: "无法在 %s 中写入解锁指示（%s）。请以自助终端的用户身份运行。",
		ZhHant: "無法在 %s 中寫入解鎖指示（%s）。請以自助終端的使用者身分執行。",
		KO:     "%s 에 잠금 해제 지시를 쓸 수 없습니다(%s). 키오스크와 같은 사용자로 실행해 주십시오.",
	},
	"outbox.loose": {
		JA:     "結果フォルダー %s の権限が %04o です。0700 にすると結果はこのアカウントだけが読めます。",
		EN:     "The outbox %s has mode %04o; 0700 keeps results private to this account.",
		ZhHans: "结果文件夹 %s 的权限为 %04o。设为 0700 后，结果只有此账户可以读取。",
		ZhHant: "結果資料夾 %s 的權限為 %04o。設為 0700 後，結果只有此帳戶可以讀取。",
		KO:     "결과 폴더 %s 의 권한이 %04o 입니다. 0700 으로 하면 결과는 이 계정만 읽을 수 있습니다.",
	},
}

// runKiosk runs the front-desk kiosk until staff quit it with the PIN or a signal (SIGTERM,
// SIGHUP) ends it.
func (e *env) runKiosk(rs *screening.RuleSet, c *common, k *kioskFlags) int {
	if k.outbox == "" {
		return e.usageError("", c.lang, startErr("needsOutbox", "--kiosk"))
	}
	fields, err := kiosk.ParseFields(k.details)
	if err != nil {
		return e.usageError("", c.lang, detailsErr(k.details))
	}
	if k.idle < time.Second {
		return e.usageError("", c.lang, startErr("idleShort", k.idle))
	}
	pin, fromEnv, scrubbed, err := readPIN(k.pinFile)
	if err != nil {
		return e.usageError("", c.lang, err)
	}
	var warnings []string
	if fromEnv {
		warnings = append(warnings, kioskWarnings.Get(c.lang, "pin.env"))
		if !scrubbed {
			warnings = append(warnings, kioskWarnings.Get(c.lang, "pin.visible"))
		}
	}
	guard, err := kiosk.NewGuard(pin)
	if err != nil {
		return e.usageError("", c.lang, pinErr(err, k.pinFile))
	}
	in, _ := e.stdin.(*os.File)
	out, _ := e.stdout.(*os.File)
	if !fileIsTerminal(e.stdin) || !fileIsTerminal(e.stdout) {
		e.sayErr("exoscreen --kiosk", c.lang, startErr("needsTerminal"))
		return exitUsage
	}
	box := outbox.New(k.outbox)
	warn, err := box.Prepare(time.Now())
	if err != nil {
		e.sayErr("exoscreen --kiosk", c.lang, fserr.OutboxUnwritable(k.outbox, err))
		return exitFail
	}
	if warn != "" {
		if fi, err := os.Stat(k.outbox); err == nil {
			warnings = append(warnings, kioskWarnings.Get(c.lang, "outbox.loose", k.outbox, fi.Mode().Perm()))
		}
	}
	for _, w := range warnings {
		// Also on the staff menu: the kiosk's screen covers these lines at once.
		fmt.Fprintf(e.stderr, "exoscreen --kiosk: %s\n", startMessages.Get(c.lang, "warning", export.Sanitize(w)))
	}

	countdown := 30 * time.Second
	if k.idle < time.Minute {
		countdown = k.idle / 2 // a short timeout (trying the kiosk out) gets a short countdown
	}
	m := kiosk.New(kiosk.Options{
		RuleSet:       rs,
		Styles:        ui.NewStyles(lipgloss.DefaultRenderer()),
		Lang:          c.lang,
		Details:       fields,
		ShowResult:    k.showResult,
		IdleTimeout:   k.idle,
		IdleCountdown: countdown,
		Guard:         guard,
		Save:          box.Save,
		SaveIn: func(dir string, res *screening.Result, meta export.Meta) (string, error) {
			o := outbox.New(dir)
			if _, err := o.Prepare(time.Now()); err != nil {
				return "", err
			}
			return o.Save(res, meta)
		},
		Where:           k.outbox,
		Clinic:          k.clinic(),
		Warnings:        warnings,
		UnlockRequested: func() time.Time { return unlockRequested(k.outbox) },
	})

	// Lockdown: the terminal is in raw mode, so ctrl+c, ctrl+z and ctrl+\ arrive as keys the
	// kiosk ignores; the same signals sent from elsewhere are ignored too. SIGTERM and SIGHUP
	// end the kiosk cleanly.
	signal.Ignore(syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTSTP)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)

	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithInput(in), tea.WithOutput(out),
		tea.WithFilter(kiosk.Filter), tea.WithoutSignalHandler(), tea.WithFPS(kioskFPS))
	go func() {
		for range sigs {
			p.Send(kiosk.TerminateMsg{})
		}
	}()
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		e.sayErr("exoscreen --kiosk", c.lang, startErr("screenFailed", export.Sanitize(err.Error())))
		return exitFail
	}
	if m.Pending() {
		e.sayErr("exoscreen --kiosk", c.lang, startErr("discarded"))
		return exitFail
	}
	return exitOK
}

// unlockFile and unlockRequested: the kiosk-unlock request, one implementation shared
// with `exoscreen serve` (ui/kiosk).
const unlockFile = kiosk.UnlockFile

var unlockRequested = kiosk.ReadUnlockRequest

// kioskUnlock is `exoscreen kiosk-unlock`: it releases the staff PIN lockout of the kiosks
// writing to the outbox, for staff locked out by wrong tries (a patient's, say). Run by the
// kiosk's OS user; the kiosks accept the PIN again within a second of their prompt being
// shown.
func (e *env) kioskUnlock(o *options, pos []string) int {
	c := &o.common
	dir := &o.outbox
	if len(pos) > 0 { // parseArgs refuses them (kiosk-unlock takes no arguments)
		return e.usageError("kiosk-unlock", c.lang, usage("noArgs", commandTitle("kiosk-unlock"), pos[0]))
	}
	if *dir == "" {
		return e.usageError("kiosk-unlock", c.lang, startErr("needsOutbox", "kiosk-unlock"))
	}
	fi, err := os.Stat(*dir)
	if err == nil && !fi.IsDir() {
		err = &iofs.PathError{Op: "open", Path: *dir, Err: syscall.ENOTDIR}
	}
	if err == nil {
		err = atomicfile.WriteFile(filepath.Join(*dir, unlockFile), []byte(time.Now().UTC().Format(time.RFC3339Nano)+"\n"), 0o600)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "exoscreen kiosk-unlock: %s\n", kioskWarnings.Get(c.lang, "unlock.failed", export.Sanitize(*dir), fserr.Reason(err, c.lang)))
		return exitFail
	}
	fmt.Fprintf(e.stdout, "%s\n", kioskWarnings.Get(c.lang, "unlock.done", export.Sanitize(*dir)))
	return exitOK
}
