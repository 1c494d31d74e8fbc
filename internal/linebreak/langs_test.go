package linebreak

import (
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// TestChineseAndKorean: Chinese breaks between any two ideographs (no Japanese phrases), with
// kinsoku (no line starts with ，。）); Korean breaks between words only.
func TestChineseAndKorean(t *testing.T) {
	tests := []struct {
		name, text string
		width      int
		want       []string
	}{
		{"zh-Hans between ideographs", "您是否正在使用抗凝血药或免疫抑制剂？", 16, []string{"您是否正在使用抗", "凝血药或免疫抑制", "剂？"}},
		{"zh-Hant kinsoku", "曾經發生過過敏性休克，請告訴醫師。", 20, []string{"曾經發生過過敏性休", "克，請告訴醫師。"}},
		{"ko between words", "항응고제나 면역억제제를 사용하고 있습니까?", 20, []string{"항응고제나", "면역억제제를", "사용하고 있습니까?"}},
		{"ko number and word", "질문은 최대 12개입니다.", 14, []string{"질문은 최대", "12개입니다."}},
		{"ko word wider than a line", "아나필락시스아나필락시스", 10, []string{"아나필락시", "스아나필락", "시스"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Lines(tc.text, tc.width)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Lines(%q, %d)\n got %q\nwant %q", tc.text, tc.width, got, tc.want)
			}
			for _, l := range got {
				if uniseg.StringWidth(l) > tc.width {
					t.Errorf("line %q wider than %d", l, tc.width)
				}
			}
		})
	}
}
