package connections

// SealSecret encrypts a secret kept outside connections (a webhook's
// signing key, say) with the same key; purpose names where it is stored,
// so a sealed value copied elsewhere does not open.
func (s *Service) SealSecret(plain, purpose string) ([]byte, error) {
	return s.seal(plain, "overlook/"+purpose)
}

// OpenSecret decrypts what SealSecret sealed for the same purpose.
func (s *Service) OpenSecret(sealed []byte, purpose string) (string, error) {
	return s.open(sealed, "overlook/"+purpose)
}
