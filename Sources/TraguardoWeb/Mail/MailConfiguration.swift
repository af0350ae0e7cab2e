import Foundation
import Logging
import TraguardoMail
import Vapor

/// What `configure` keeps of the mail settings for pages and for `serve`.
struct MailConfiguration: Sendable {
    let settings: MailSettings?
    let publicURL: String?
}

struct MailSettingsKey: StorageKey { typealias Value = MailConfiguration }

extension Application {
    /// nil when no SMTP server is configured.
    public var mailSettings: MailSettings? { storage[MailSettingsKey.self]?.settings }

    /// The worker that queues automatic reminders and sends the outbox; `baseURL` for the links when
    /// TRAGUARDO_PUBLIC_URL is not set.
    public func mailWorker(fallbackBaseURL: String) -> MailWorker {
        MailWorker(
            store: store, settings: mailSettings, baseURL: storage[MailSettingsKey.self]?.publicURL ?? fallbackBaseURL,
            logger: Logger(label: "traguardo.mail"))
    }
}

extension Request {
    /// The address users reach the app at, for links that leave the browser (e-mail): TRAGUARDO_PUBLIC_URL, or the
    /// scheme and Host of this request.
    var publicBaseURL: String {
        if let url = application.storage[MailSettingsKey.self]?.publicURL { return url }
        let scheme = application.http.server.configuration.tlsConfiguration == nil ? "http" : "https"
        return headers.first(name: .host).map { "\(scheme)://\($0)" } ?? ""
    }
}
