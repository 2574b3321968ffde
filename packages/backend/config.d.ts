export interface Config {
  /** Settings of this example portal. */
  portal?: {
    /**
     * The permission policy: `allow-all` (the default) or `sample`, which
     * lets only entity owners and maintenance groups change decisions.
     */
    permissionPolicy?: 'allow-all' | 'sample';
  };
}
