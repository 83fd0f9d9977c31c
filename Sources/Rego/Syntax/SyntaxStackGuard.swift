#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Keeps the recursive parser off the end of the thread's stack: it reports
/// how much stack is left, and can rerun work on a thread with a large stack.
enum SyntaxStackGuard {
    /// Stack kept free below the deepest parser frame.
    static let reserve: UInt = 160 * 1024
    static let largeStackSize = 32 * 1024 * 1024

    /// The lowest address the parser may reach on this thread (0 when unknown).
    static func limit() -> UInt {
        guard let low = cachedLowerBound() else { return 0 }
        return low + reserve
    }

    @inline(__always)
    static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Runs `work` on a new thread with a 32 MB stack and waits for it.
    static func onLargeStack<T>(_ work: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = largeStackSize
        thread.start()
        done.wait()
        return box.value!
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }

    // MARK: Stack bounds

    #if os(Linux) && canImport(Glibc)
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    private static func cachedLowerBound() -> UInt? {
        if let cached = pthread_getspecific(key) { return UInt(bitPattern: cached) }
        var attributes = pthread_attr_t()
        guard stackGuardGetAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
        pthread_setspecific(key, address)
        return UInt(bitPattern: address)
    }
    #elseif canImport(Darwin)
    private static func cachedLowerBound() -> UInt? {
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        return top - UInt(pthread_get_stacksize_np(pthread_self()))
    }
    #else
    private static func cachedLowerBound() -> UInt? { nil }
    #endif
}

#if os(Linux) && canImport(Glibc)
/// glibc's `pthread_getattr_np` (a GNU extension the Glibc module does not import).
@_silgen_name("pthread_getattr_np")
private func stackGuardGetAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif
