package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"coder/qda"
)

// Ensure that the codings decoder reads every stored coding exactly as
// encoding/json does: what json.Marshal writes (memos with quotes, newlines
// and Chinese, event dates, edit stamps, times in other zones), and what it
// hands back to encoding/json (older or hand-made records with spaces,
// escapes, unknown fields, nulls), and that it refuses what encoding/json
// refuses.
func TestDecodeCoding_MatchesEncodingJSON(t *testing.T) {
	zone := time.FixedZone("CST", 8*3600)
	full := qda.Coding{ID: qda.NewID(), Document: qda.NewID(), Code: qda.NewID(), Span: qda.Span{Start: 12, End: 340},
		Coder: qda.NewID(), Created: time.Date(2024, 5, 16, 19, 3, 4, 123456789, zone),
		Memo: "She said \"no\" twice.\n张主任：不行", EventDate: "2024-05-16"}
	full.SetEdited(time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), qda.NewID(), "ab12 cd34")
	unescaped := full
	unescaped.Memo = "张主任：不行"
	unescaped.ID = qda.NewID()
	plain := qda.Coding{ID: qda.NewID(), Document: qda.NewID(), Code: qda.NewID(), Span: qda.Span{Start: 0, End: 1}, Created: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), Memo: "居民很生气"}
	var cases []string
	for _, c := range []qda.Coding{full, unescaped, plain, {}} {
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, string(b))
		var c qda.Coding
		if !bytes.Contains(b, []byte(`\`)) && !fastCoding(b, &c, idCache{}) {
			t.Errorf("%s: what json.Marshal writes is not read directly", b)
		}
	}
	cases = append(cases,
		`{ "id" : "x", "span" : { "start" : 3 , "end" : 9 } }`,
		`{"id":"a\u0062c","document":"d\/e","span":{"start":1,"end":2}}`,
		`{"id":"x","future":"field","span":{"start":1,"end":2}}`,
		`{"id":null,"memo":"m"}`,
		`{"id":"x","span":{"start":1.0,"end":2}}`,
		`{"id":"x","created":"2024-05-16T19:03:04+08:00"}`,
		`{"id":"x","span":{"start":-4,"end":2}}`,
		`{"id":"x","memo":"`+"\xff"+`"}`,
		`{"id":"x","memo":"tab`+"\t"+`"}`,
		`{"id":"x"`, `[]`, `{"id":"x"}}`, `{"id":"x","created":"yesterday"}`, ``,
	)
	for _, in := range cases {
		var want qda.Coding
		wantErr := json.Unmarshal([]byte(in), &want)
		var got qda.Coding
		gotErr := decodeCoding([]byte(in), &got, idCache{})
		if (wantErr == nil) != (gotErr == nil) {
			t.Errorf("%s: error %v, encoding/json says %v", in, gotErr, wantErr)
			continue
		}
		if wantErr == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", in, got, want)
		}
	}
}

// BenchmarkDecodeCodings compares decoding 100,000 stored codings with
// encoding/json and with decodeCoding.
func BenchmarkDecodeCodings(b *testing.B) {
	docs := []qda.ID{qda.NewID(), qda.NewID()}
	coder := qda.NewID()
	var data [][]byte
	for i := range 100000 {
		c := qda.Coding{ID: qda.NewID(), Document: docs[i%2], Code: qda.ID(fmt.Sprintf("%036d", i%100)), Span: qda.Span{Start: i, End: i + 50}, Coder: coder, Created: time.Now().UTC()}
		c.SetEdited(time.Now().UTC(), coder, "")
		raw, _ := json.Marshal(c)
		data = append(data, raw)
	}
	out := make([]qda.Coding, len(data))
	b.Run("encoding/json", func(b *testing.B) {
		for b.Loop() {
			for i, d := range data {
				out[i] = qda.Coding{}
				if err := json.Unmarshal(d, &out[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("decodeCoding", func(b *testing.B) {
		for b.Loop() {
			ids := idCache{}
			for i, d := range data {
				if err := decodeCoding(d, &out[i], ids); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
