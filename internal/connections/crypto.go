package connections

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
)

// seal encrypts a credential with AES-256-GCM under a fresh random nonce.
// The additional data binds the ciphertext to its connection and field, so
// a sealed value copied into another row or column does not open. An empty
// credential is stored as nil.
func (s *Service) seal(plain, ad string) ([]byte, error) {
	if plain == "" {
		return nil, nil
	}
	gcm, err := s.aead()
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return gcm.Seal(nonce, nonce, []byte(plain), []byte(ad)), nil
}

// open decrypts what seal produced.
func (s *Service) open(sealed []byte, ad string) (string, error) {
	if len(sealed) == 0 {
		return "", nil
	}
	gcm, err := s.aead()
	if err != nil {
		return "", err
	}
	if len(sealed) < gcm.NonceSize() {
		return "", errors.New("connections: sealed credential too short")
	}
	n := gcm.NonceSize()
	plain, err := gcm.Open(nil, sealed[:n], sealed[n:], []byte(ad))
	if err != nil {
		return "", errors.New("connections: a credential does not decrypt (wrong encryption key?)")
	}
	return string(plain), nil
}

func (s *Service) aead() (cipher.AEAD, error) {
	if len(s.key) != 32 {
		return nil, errors.New("connections: the encryption key must be 32 bytes")
	}
	block, err := aes.NewCipher(s.key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// sealedAD is the additional data of one credential field of a connection.
func sealedAD(name, field string) string { return "overlook/connection/" + name + "/" + field }
