import Crypto
import Foundation
import Vapor

/// Who may read the metrics: the monitoring system on this machine, talking to the instance's own port (no
/// proxy in between, so no forwarding header), or anyone holding `TRAGUARDO_METRICS_TOKEN`. Through the public
/// proxy they are refused even without the proxy's own `deny`.
enum OperationsAccess {
    static func allows(_ request: Request) -> Bool {
        if let expected = request.application.settings?.metricsToken, let given = request.headers.bearerAuthorization?.token {
            // Compared as digests, in constant time: the token's length and prefix leak nothing.
            return SHA256.hash(data: Data(given.utf8)) == SHA256.hash(data: Data(expected.utf8))
        }
        let forwarded = ["X-Forwarded-For", "Forwarded", "X-Real-IP"].contains { request.headers.first(name: $0) != nil }
        return !forwarded && isLoopback(request.remoteAddress?.ipAddress)
    }

    static func isLoopback(_ address: String?) -> Bool {
        guard let address else { return false }
        return address == "::1" || address.hasPrefix("127.") || address.hasPrefix("::ffff:127.")
    }
}
