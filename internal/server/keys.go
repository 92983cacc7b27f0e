package server

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/overlookbi/overlook/internal/config"
)

// encryptionKey returns the 32-byte key that encrypts connection
// credentials: OVERLOOK_ENCRYPTION_KEY (base64), or a key file created in
// the data dir with mode 0600.
func encryptionKey(cfg config.Config) ([]byte, error) {
	if cfg.EncryptionKey != "" {
		return decodeKey(cfg.EncryptionKey)
	}
	return loadOrCreateKeyFile(cfg.DataDir)
}

func decodeKey(s string) ([]byte, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil || len(key) != 32 {
		return nil, errors.New("the encryption key must be 32 bytes, base64-encoded")
	}
	return key, nil
}

func loadOrCreateKeyFile(dir string) ([]byte, error) {
	path := filepath.Join(dir, "encryption.key")
	if b, err := os.ReadFile(path); err == nil {
		return decodeKey(string(b))
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("encryption key: %w", err)
	}
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	if err := os.WriteFile(path, []byte(base64.StdEncoding.EncodeToString(key)+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("encryption key: %w", err)
	}
	return key, nil
}
