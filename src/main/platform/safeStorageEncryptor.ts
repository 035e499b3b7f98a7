/**
 * The app's Encryptor: Electron safeStorage (DPAPI on Windows, Keychain on macOS, a keyring on Linux).
 * It reports honestly which backend protects secrets; the vault refuses to store a secret when that is
 * no real protection (Linux basic_text) or none at all.
 */
import { safeStorage } from 'electron';
import type { ProtectionBackend } from '../../shared/profile';
import type { Encryptor } from '../encryptor';

const linuxBackends: Readonly<Record<string, ProtectionBackend>> = {
  basic_text: 'basic_text',
  gnome_libsecret: 'gnome_libsecret',
  kwallet: 'kwallet',
  kwallet5: 'kwallet5',
  kwallet6: 'kwallet6',
};

export function createSafeStorageEncryptor(platform: NodeJS.Platform = process.platform): Encryptor {
  const backend = (): ProtectionBackend => {
    if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
    if (platform === 'win32') return 'dpapi';
    if (platform === 'darwin') return 'keychain';
    // 'unknown' (or anything new) is treated as no protection, so the vault refuses to store.
    return linuxBackends[safeStorage.getSelectedStorageBackend()] ?? 'unavailable';
  };
  return {
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    backend,
    encrypt: (plain) => new Uint8Array(safeStorage.encryptString(plain)),
    decrypt: (bytes) => safeStorage.decryptString(Buffer.from(bytes)),
  };
}
