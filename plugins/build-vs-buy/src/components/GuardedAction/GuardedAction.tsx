/*
 * Copyright 2026 The Build vs Buy Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { ReactNode } from 'react';
import { LinkButton } from '@backstage/core-components';
import { Button, Tooltip } from '@material-ui/core';

/** Props of {@link GuardedButton}. */
export type GuardedButtonProps = {
  allowed: boolean;
  loading?: boolean;
  /** Why the action is not allowed, shown on hover and focus. */
  deniedReason: string;
  children: ReactNode;
  /** Makes the button a link to this address. */
  to?: string;
  onClick?: () => void;
  disabled?: boolean;
  variant?: 'text' | 'outlined' | 'contained';
  color?: 'default' | 'primary' | 'secondary';
  size?: 'small' | 'medium' | 'large';
  startIcon?: ReactNode;
  /** The element that says why the button is disabled, for other reasons. */
  'aria-describedby'?: string;
};

/**
 * A button that follows a permission: while the permission is loading or
 * denied it is disabled, and a denied one says why in a tooltip.
 */
export const GuardedButton = (props: GuardedButtonProps) => {
  const { allowed, loading, deniedReason, children, disabled, to, ...rest } =
    props;
  const isDisabled = Boolean(disabled || loading || !allowed);
  const button =
    to && !isDisabled ? (
      <LinkButton {...rest} to={to}>
        {children}
      </LinkButton>
    ) : (
      <Button {...rest} disabled={isDisabled}>
        {children}
      </Button>
    );
  if (allowed || loading) {
    return button;
  }
  // A disabled button gets no pointer or focus events; the wrapper takes
  // them so that mouse and keyboard users both learn the reason.
  return (
    <Tooltip title={deniedReason}>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <span tabIndex={0} aria-label={deniedReason} role="note">
        {button}
      </span>
    </Tooltip>
  );
};
