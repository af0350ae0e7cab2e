import Foundation
import Testing

@testable import TraguardoCore

@Suite("Input limits of uploaded JSON")
struct InputLimitsTests {
    @Test func depthIsLimitedWithLineAndColumn() {
        let deep = "{\n\"a\":" + String(repeating: "[", count: 65) + String(repeating: "]", count: 65) + "}"
        #expect(InputLimits.checkJSON(Data(deep.utf8)) == "riga 2, colonna 68: più di 64 livelli di elenchi o oggetti annidati, oltre il limite.")
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(InputLimits.checkJSON(Data(fine.utf8)) == nil)
        // Brackets inside a text are text.
        #expect(InputLimits.checkJSON(Data(("\"" + String(repeating: "[", count: 500) + "\"").utf8)) == nil)
    }

    /// Characters, not bytes: 100.000 «è» (200.000 bytes) or as many `\u00e8` escapes (600.000 bytes) fit; one more does not.
    @Test func textLengthCountsCharactersAndEscapes() {
        func json(_ body: String) -> Data { Data(("{\"t\":\"" + body + "\"}").utf8) }
        #expect(InputLimits.checkJSON(json(String(repeating: "è", count: 100_000))) == nil)
        #expect(InputLimits.checkJSON(json(String(repeating: "\\u00e8", count: 100_000))) == nil)
        #expect(InputLimits.checkJSON(json(String(repeating: "\\\"", count: 100_000))) == nil)
        #expect(
            InputLimits.checkJSON(json(String(repeating: "è", count: 100_001)))
                == "riga 1, colonna 6: testo di oltre 100.000 caratteri, oltre il limite.")
    }

    @Test func theNulCharacterIsRefused() {
        #expect(
            InputLimits.checkJSON(Data(#"{"name":"a\u0000b"}"#.utf8)) == "riga 1, colonna 16: il carattere nullo (\\u0000) non è ammesso in un testo."
        )
        #expect(InputLimits.checkJSON(Data(#"{"name":"a\u0001b"}"#.utf8)) == nil)
    }
}
