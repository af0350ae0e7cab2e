import Foundation
import Vapor

/// Personal API tokens: 32 random bytes, shown once; only their SHA-256 is stored, so a leaked database does not
/// leak usable tokens (they are long and random: a slow hash adds nothing).
public enum APIToken {
    static let prefix = "tg_"

    public static func generate() -> (token: String, hash: String) {
        let bytes = [UInt8].random(count: 32)
        let token =
            prefix
            + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return (token, hash(token))
    }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
