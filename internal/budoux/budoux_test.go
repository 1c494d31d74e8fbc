package budoux

import (
	"strings"
	"testing"
)

// The expected phrases were printed by the JavaScript parser of budoux@0.9.2 with its ja
// model, on the same sentences:
//
//	npm pack budoux@0.9.2 && tar xzf budoux-0.9.2.tgz
//	node -e 'const {Parser}=require("./package/dist/parser.js");
//	  const {model}=require("./package/dist/data/models/ja.js");
//	  for (const s of require("fs").readFileSync(0,"utf8").split("\n").filter(Boolean))
//	    console.log(JSON.stringify(new Parser(model).parse(s)))' < sentences.txt
func TestParseMatchesJavaScript(t *testing.T) {
	m := Japanese()
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"お薬、食べ物、花粉、ゴム（ラテックス）、金属など、どんなアレルギーでも含みます。",
			[]string{"お薬、", "食べ物、", "花粉、", "ゴム", "（ラテックス）、", "金属など、", "どんな", "アレルギーでも", "含みます。"}},
		{"重いアレルギー反応（アナフィラキシー）を起こしたことはありますか。",
			[]string{"重い", "アレルギー反応", "（アナフィラキシー）を", "起こした", "ことは", "ありますか。"}},
		{"アナフィラキシーの既往、または重いアレルギー体質は、tokushu-2025 が相対禁忌としています。",
			[]string{"アナフィラキシーの", "既往、", "または", "重い", "アレルギー体質は、", "tokushu-2025 が", "相対禁忌と", "しています。"}},
		{"妊娠の可能性がある場合も、tokushu-2025 は絶対禁忌としています。",
			[]string{"妊娠の", "可能性が", "ある", "場合も、", "tokushu-2025 は", "絶対禁忌と", "しています。"}},
		{"「わからない」は妊娠中または妊娠の可能性ありを意味しうるため、スタッフが確認するまでは最も厳しい絶対禁忌とします。",
			[]string{"「わからない」は", "妊娠中または", "妊娠の", "可能性ありを", "意味しうる", "ため、", "スタッフが", "確認するまでは", "最も", "厳しい", "絶対禁忌とします。"}},
		{"病院で出された薬のほか、いつも使っている市販の薬も含みます。",
			[]string{"病院で", "出された", "薬の", "ほか、", "いつも", "使っている", "市販の", "薬も", "含みます。"}},
		{"今日は天気です。", []string{"今日は", "天気です。"}},
		{"治療の可否と、治療する場合の備えを医師が判断してください。",
			[]string{"治療の", "可否と、", "治療する", "場合の", "備えを", "医師が", "判断してください。"}},
		{"あ", []string{"あ"}},
		{"ああああああああああ", []string{"ああああああああああ"}},
		{"Screening before exosome therapy", []string{"Screening before exosome therapy"}},
		{"", nil},
	} {
		got := m.Parse(tc.in)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
			t.Errorf("Parse(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// TestBoundariesSlidingWindow checks the ring buffer of Boundaries against a direct
// transcription of parseBoundaries (every feature looked up at every position).
func TestBoundariesSlidingWindow(t *testing.T) {
	m := Japanese()
	for _, s := range []string{
		"お薬、食べ物、花粉、ゴム（ラテックス）、金属など、どんなアレルギーでも含みます。",
		"私はその人を常に先生と呼んでいた。だから此所でもただ先生と書くだけで本名は打ち明けない。",
		"a", "ab", "abc", "あい", "あいう", "x😀は、テスト\u0301です。",
	} {
		got := m.Boundaries(nil, s)
		want := naive(m, s)
		if len(got) != len(want) {
			t.Errorf("%q: got %v, want %v", s, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: got %v, want %v", s, got, want)
				break
			}
		}
	}
}

func naive(m *Model, s string) []int {
	rs := []rune(s)
	offs := make([]int, 0, len(rs))
	for i := range s {
		offs = append(offs, i)
	}
	at := func(i int) (rune, bool) {
		if i < 0 || i >= len(rs) {
			return 0, false
		}
		return rs[i], true
	}
	uni := func(i, slot int) int64 {
		r, ok := at(i)
		if !ok {
			return 0
		}
		return int64(m.uni[r][slot])
	}
	bi := func(i, slot int) int64 {
		a, ok1 := at(i)
		b, ok2 := at(i + 1)
		if !ok1 || !ok2 {
			return 0
		}
		return int64(m.bi[[2]rune{a, b}][slot])
	}
	tri := func(i, slot int) int64 {
		a, ok1 := at(i)
		b, ok2 := at(i + 1)
		c, ok3 := at(i + 2)
		if !ok1 || !ok2 || !ok3 {
			return 0
		}
		return int64(m.tri[[3]rune{a, b, c}][slot])
	}
	var out []int
	for i := 1; i < len(rs); i++ {
		s := uni(i-3, 0) + uni(i-2, 1) + uni(i-1, 2) + uni(i, 3) + uni(i+1, 4) + uni(i+2, 5) +
			bi(i-2, 0) + bi(i-1, 1) + bi(i, 2) +
			tri(i-3, 0) + tri(i-2, 1) + tri(i-1, 2) + tri(i, 3)
		if 2*s > m.total {
			out = append(out, offs[i])
		}
	}
	return out
}

func TestLoadRejects(t *testing.T) {
	for _, bad := range []string{
		`{"UW1": {"ab": 1}}`, `{"BW1": {"a": 1}}`, `{"TW1": {"abcd": 1}}`, `{"UW1": {"a": 1.5}}`,
		`{"XX1": {"a": 1}}`, `[1]`, `{"UW1": {"a": 1e12}}`,
	} {
		if _, err := Load([]byte(bad)); err == nil {
			t.Errorf("Load(%s) accepted", bad)
		}
	}
	m, err := Load([]byte(`{"UW4": {"b": 10}}`))
	if err != nil {
		t.Fatal(err)
	}
	// base score -5; a phrase starts at each b.
	if got := strings.Join(m.Parse("abab"), "|"); got != "a|ba|b" {
		t.Errorf("got %q", got)
	}
}

func BenchmarkBoundaries(b *testing.B) {
	s := strings.Repeat("お薬、食べ物、花粉、ゴム（ラテックス）、金属など、どんなアレルギーでも含みます。", 100)
	m := Japanese()
	b.SetBytes(int64(len(s)))
	var dst []int
	for b.Loop() {
		dst = m.Boundaries(dst[:0], s)
	}
}
