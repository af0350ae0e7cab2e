import Foundation
import Vapor

/// Synchroniser-token CSRF protection: every state-changing request must echo the session's token in the
/// `_csrf` form field or the `X-CSRF-Token` header. SameSite cookies are a second line, not the only one.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let header = "X-CSRF-Token"
    static let maxBody = 20 * 1024 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // A bearer token is sent by a program, never by a browser on its own: there is no cookie to abuse.
        if ![.GET, .HEAD, .OPTIONS].contains(request.method) && !request.authenticatedByToken {
            // Large uploads arrive streamed: collect them (bounded) so the token field can be read.
            if request.body.data == nil {
                _ = try await request.body.collect(max: Self.maxBody).get()
            }
            let expected = request.hasSession ? request.session.data[SessionKeys.csrf] ?? "" : ""
            let sent = request.headers.first(name: Self.header) ?? (try? request.content.get(String.self, at: Self.field)) ?? ""
            guard !expected.isEmpty, Self.constantTimeEqual(expected, sent) else {
                throw Abort(.forbidden, reason: "Il modulo è scaduto o non è valido: ricarica la pagina e riprova.")
            }
        }
        return try await next.respond(to: request)
    }

    /// The token of the current session, created on first use.
    static func token(for request: Request) -> String {
        if let token = request.session.data[SessionKeys.csrf] { return token }
        let token = Data([UInt8].random(count: 32)).base64EncodedString().replacingOccurrences(of: "/", with: "_").replacingOccurrences(
            of: "+", with: "-")
        request.session.data[SessionKeys.csrf] = token
        return token
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
