import TraguardoPersistence
import Vapor

/// bcrypt through Vapor, off the event loop: hashing is deliberately slow.
struct BcryptHasher: PasswordHashing {
    let cost: Int
    let threadPool: NIOThreadPool
    let dummyHash: String

    init(cost: Int, threadPool: NIOThreadPool) throws {
        self.cost = cost
        self.threadPool = threadPool
        self.dummyHash = try Bcrypt.hash([UInt8].random(count: 16).hex, cost: cost)
    }

    func hash(_ password: String) async throws -> String {
        try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }
}
