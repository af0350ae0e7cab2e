import Testing

@testable import TraguardoMail

@Suite("SMTP settings from the environment")
struct MailSettingsTests {
    @Test func withoutAHostNoMailIsSent() throws {
        #expect(try MailSettings.fromEnvironment([:]) == nil)
    }

    @Test func defaultsFollowTheChosenSecurity() throws {
        let starttls = try #require(try MailSettings.fromEnvironment(["SMTP_HOST": "smtp.example.it", "SMTP_FROM": "noreply@example.it"]))
        #expect(starttls.port == 587)
        #expect(starttls.security == .starttls)
        let tls = try #require(
            try MailSettings.fromEnvironment(["SMTP_HOST": "smtp.example.it", "SMTP_FROM": "Traguardo <noreply@example.it>", "SMTP_SECURITY": "tls"]))
        #expect(tls.port == 465)
        #expect(tls.from.name == "Traguardo")
        #expect(tls.from.address == "noreply@example.it")
    }

    @Test func mistakesAreNamedInItalian() {
        let cases: [([String: String], String)] = [
            (["SMTP_HOST": "smtp.example.it"], "SMTP_FROM"),
            (["SMTP_HOST": "smtp.example.it", "SMTP_FROM": "non un indirizzo"], "SMTP_FROM"),
            (["SMTP_HOST": "smtp.example.it", "SMTP_FROM": "a@example.it", "SMTP_PORT": "ottanta"], "SMTP_PORT"),
            (["SMTP_HOST": "smtp.example.it", "SMTP_FROM": "a@example.it", "SMTP_SECURITY": "ssl3"], "SMTP_SECURITY"),
            (["SMTP_HOST": "smtp.example.it", "SMTP_FROM": "a@example.it", "SMTP_USERNAME": "u"], "SMTP_PASSWORD"),
            (
                ["SMTP_HOST": "smtp.example.it", "SMTP_FROM": "a@example.it", "SMTP_USERNAME": "u", "SMTP_PASSWORD": "p", "SMTP_SECURITY": "none"],
                "in chiaro"
            ),
        ]
        for (env, fragment) in cases {
            #expect(throws: MailSettingsError.self) { try MailSettings.fromEnvironment(env) }
            do {
                _ = try MailSettings.fromEnvironment(env)
            } catch {
                #expect("\(error)".contains(fragment), "\(env): \(error)")
            }
        }
    }

    @Test func addressesThatCouldBreakAHeaderAreRefused() {
        #expect(MailAddress(address: "mario.rossi@comune.it") != nil)
        #expect(MailAddress(address: "mario rossi@comune.it") == nil)
        #expect(MailAddress(address: "mario@comune.it>\r\nBcc: x@y.it") == nil)
        #expect(MailAddress(address: "mario@localhost") == nil)
        #expect(MailAddress(name: "Rossi\r\nBcc: x@y.it", address: "a@b.it")?.name == "RossiBcc: x@y.it")
    }

    @Test func subjectsWithAccentsBecomeEncodedWordsOfAtMost75Characters() {
        let subject = String(repeating: "Attività di monitoraggio è già aperta – ", count: 4)
        let encoded = MailMessage.encodedWords(subject)
        for word in encoded.components(separatedBy: "\r\n ") {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.count <= 75)
        }
        #expect(MailMessage.encodedWords("Promemoria\r\nBcc: x@y.it") == "Promemoria Bcc: x@y.it")
    }
}
